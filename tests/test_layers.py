"""Layered termbases: a project termbase over a team one. Lookups and suggestions search
both and say where each result comes from, the project's status of a term wins, concepts
with the same id stay apart, and writes and undo go to the project only. Each engine is
tried as the project over the other as the team layer."""

from __future__ import annotations

import pytest

from termbase import ConceptEdit, Layers, Termbase

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence"
 o-tmf="t" adminlang="en" srclang="pl" datatype="plaintext"/><body>
<tu><tuv xml:lang="pl"><seg>Wniosek złożono w urzędzie gminy.</seg></tuv>
<tuv xml:lang="lt"><seg>Prašymas pateiktas savivaldybės administracijai.</seg></tuv></tu>
</body></tmx>
"""


@pytest.fixture(params=[("project.json", "team.sqlite"), ("project.sqlite", "team.json")],
                ids=["tinydb-over-sqlite", "sqlite-over-tinydb"])
def paths(request, tmp_path):
    project, team = (tmp_path / name for name in request.param)
    team_tb = Termbase.open(team, seed=False)
    # the team's glossary: gmina as a Polish municipality, savivaldybė preferred
    team_tb.add(ConceptEdit(terms=[("pl", "gmina"), ("lt", "savivaldybė")],
                            subject="administration"))
    team_tb.add(ConceptEdit(terms=[("pl", "ośrodek pomocy społecznej"),
                                   ("lt", "socialinių paslaugų centras")],
                            subject="institutions"))
    memory = tmp_path / "team.tmx"
    memory.write_text(TMX, encoding="utf-8")
    team_tb.import_file(memory)
    project_tb = Termbase.open(project, seed=False)
    # the project (Vilnius-region Polish): gmina is a seniūnija; savivaldybė forbidden here
    project_tb.add(ConceptEdit(terms=[("pl", "gmina"), ("lt", "seniūnija"),
                                      ("lt", "savivaldybė")], subject="administration",
                               statuses=[("lt", "savivaldybė", "forbidden")]))
    return project, team


@pytest.fixture
def cli(run_cli, paths):
    project, team = paths

    def run(*args, env=None):
        return run_cli("--db", str(project), *args, env={"TERMBASE_SEED": "0", **(env or {})})
    return run


def test_lookup_searches_both_layers_and_keeps_same_ids_apart(cli, paths):
    _, team = paths
    found = cli("lookup", "gmina", "--lang", "pl", "--to", "lt", "--also", str(team),
                "--json").json()["matches"]
    by_layer = {m["layer"]: m for m in found}
    assert set(by_layer) == {"project", "team"}
    # both layers call their concept c1: two results, never merged
    assert by_layer["project"]["concept_id"] == by_layer["team"]["concept_id"] == "c1"
    assert [e["term"] for e in by_layer["project"]["equivalents"]["lt"]] == [
        "seniūnija", "savivaldybė"]
    # the team prefers savivaldybė; the project forbids it, and the project wins
    assert by_layer["team"]["equivalents"]["lt"] == [
        {"term": "savivaldybė", "status": "forbidden"}]
    plain = cli("lookup", "gmina", "--lang", "pl", "--to", "lt", "--also", str(team)).out
    assert "(c1, administration) [team]" in plain and "savivaldybė (FORBIDDEN)" in plain


def test_suggest_takes_terms_and_memory_from_every_layer(cli, paths):
    _, team = paths
    result = cli("suggest", "--from", "pl", "--to", "lt",
                 "Wniosek złożono w ośrodku pomocy społecznej w gminie.", "--json",
                 env={"TERMBASE_ALSO": str(team)}).json()
    terms = [(hit["term"], hit["layer"]) for hit in result["terms"]]
    assert ("ośrodek pomocy społecznej", "team") in terms
    assert ("gmina", "project") in terms and ("gmina", "team") in terms
    assert terms.index(("gmina", "project")) < terms.index(("gmina", "team"))
    memory = cli("suggest", "--from", "pl", "--to", "lt", "Wniosek złożono w urzędzie gminy.",
                 "--json", env={"TERMBASE_ALSO": str(team)}).json()["memory"]
    assert [(m["layer"], m["score"]) for m in memory] == [("team", 100)]
    assert memory[0]["target"] == "Prašymas pateiktas savivaldybės administracijai."


def test_without_layers_results_carry_no_layer_key(cli):
    found = cli("lookup", "gmina", "--json").json()["matches"]
    assert found and all("layer" not in m for m in found)


def test_writes_and_undo_go_to_the_project_only(cli, paths):
    project, team = paths
    team_history = len(Termbase.open(team).history())
    added = cli("add", "--pl", "asystent rodziny", "--lt", "šeimos asistentas",
                "--also", str(team), "--json").json()
    assert Termbase.open(project).get(added["id"]).terms[0].text == "asystent rodziny"
    assert len(Termbase.open(team).history()) == team_history
    undone = cli("undo", "last", "--also", str(team), "--json").json()
    assert undone["undid"] == added["batch"]
    assert len(Termbase.open(team).history()) == team_history
    assert [m.term for m in Termbase.open(team).lookup("asystent rodziny")] == []


def test_a_missing_layer_is_one_line_and_exit_1(cli, tmp_path):
    result = cli("lookup", "gmina", "--also", str(tmp_path / "nowhere.json"))
    assert result.code == 1 and "nowhere.json does not exist" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_the_layer_class_serves_any_face(paths):
    project, team = paths
    layers = Layers.open(Termbase.open(project), [team, project])   # project named twice
    assert layers.labels == ["project", "team"] and layers.project.path == project
    matches = layers.lookup("savivaldybė", lang="lt", to=["pl"])
    assert [(m.layer, m.concept_id) for m in matches] == [("project", "c1"), ("team", "c1")]


def test_check_against_layers_lets_the_project_decide(cli, paths):
    _, team = paths
    job = paths[0].parent / "job.tsv"
    job.write_text(
        # the project's equivalent: the team expects savivaldybė, the project seniūnija
        "Wniosek złożono w gminie.\tPrašymas pateiktas seniūnijai.\n"
        # only the team knows this term, and the translation lacks its equivalent
        "Ośrodek pomocy społecznej jest zamknięty.\tCentras uždarytas.\n"
        # the term the project forbids
        "Gmina wypłaca zasiłki.\tSavivaldybė moka pašalpas.\n", encoding="utf-8")
    report = cli("check", str(job), "--from", "pl", "--to", "lt", "--also", str(team),
                 "--json").json()
    found = [(i["line"], i["kind"], i["layer"]) for i in report["issues"]]
    assert found == [(2, "missing-equivalent", "team"), (3, "forbidden-term", "project")]
    assert report["segments"] == 3
    alone = cli("check", str(job), "--from", "pl", "--to", "lt", "--json").json()
    assert [(i["line"], i["kind"]) for i in alone["issues"]] == [(3, "forbidden-term")]
    assert all("layer" not in i for i in alone["issues"])
    text = cli("check", str(job), "--from", "pl", "--to", "lt", "--also", str(team))
    team_line = next(line for line in text.out.splitlines() if "(c2)" in line)
    assert text.code == 1 and team_line.endswith(", team]")


@pytest.fixture(params=[("project.json", "regional.sqlite"), ("project.sqlite", "regional.json")],
                ids=["tinydb-over-sqlite", "sqlite-over-tinydb"])
def regional(request, tmp_path):
    """A team layer whose gmina has a lt-LT and another variety's equivalent, under a project
    that gives gmina one neutral equivalent of its own (valsčius)."""
    project, team = (tmp_path / name for name in request.param)
    Termbase.open(team, seed=False).add(ConceptEdit(
        terms=[("pl", "gmina"), ("lt", "savivaldybė"), ("lt", "valsčius")],
        subject="administration", regions=[("lt", "savivaldybė", "lt-LT"),
                                           ("lt", "valsčius", "lt-XX")]))
    Termbase.open(team).add(ConceptEdit(
        terms=[("pl", "starostwo"), ("lt", "apskritis"), ("lt", "rajonas")],
        subject="administration", regions=[("lt", "rajonas", "lt-XX")]))
    Termbase.open(project, seed=False).add(ConceptEdit(
        terms=[("pl", "gmina"), ("lt", "valsčius")], subject="administration"))
    return Layers.open(Termbase.open(project), [team])


def test_another_varietys_term_is_the_upper_layers_to_decide_too(regional, tmp_path):
    job = tmp_path / "job.tsv"
    job.write_text("pl\tlt\nWniosek złożono w gminie.\tPrašymas pateiktas valsčiuje.\n",
                   encoding="utf-8")
    team = regional.termbases[1]
    # alone, the team layer flags valsčius as another variety's term for a lt-LT text ...
    assert [i.kind for i in team.check(job, "pl", "lt", variant="lt-LT").issues] == [
        "other-variant"]
    # ... but the project gives gmina its own equivalent, and the translation uses it
    assert regional.check(job, "pl", "lt", variant="lt-LT").issues == []


def test_a_lower_layer_keeps_the_requested_varietys_equivalent_first(regional):
    def equivalents(variant):
        (hit,) = regional.suggest("Starostwo jest zamknięte.", "pl", "lt", memory=0,
                                  variant=variant).terms
        assert hit.layer == "regional"          # a term only the lower layer knows
        return [(e.term, e.status) for e in hit.equivalents]

    assert equivalents(None) == [("apskritis", "preferred"), ("rajonas", "admitted")]
    # the variety's term first, although admitted, as without layers
    assert equivalents("lt-XX") == [("rajonas", "admitted"), ("apskritis", "preferred")]


def test_the_shell_adds_to_the_project_layer_and_names_its_batch(regional, capsys):
    from termbase.cli.shell import Shell

    project, team = regional.termbases
    team_batches = len(team.history())
    shell = Shell(regional, "pl", "lt")
    shell.handle(">Starostwo powiatowe jest zamknięte.")
    capsys.readouterr()
    shell.handle(":add Starostwo powiatowe = apskrities administracija")
    out = capsys.readouterr().out
    assert project.last_batch and out.rstrip().endswith(f"(batch {project.last_batch})")
    assert project.history(limit=1)[0].batch == project.last_batch
    assert len(team.history()) == team_batches


def test_the_config_file_names_the_layers_and_the_environment_wins(cli, paths, tmp_path):
    project, team = paths
    config = tmp_path / "config.toml"
    config.write_text(f'also = ["{team.name}"]\n', encoding="utf-8")   # beside the config
    layers = {m["layer"] for m in cli("lookup", "gmina", "--json", env={
        "TERMBASE_CONFIG": str(config)}).json()["matches"]}
    assert layers == {"project", "team"}
    other = tmp_path / "other.json"
    Termbase.open(other, seed=False).add(ConceptEdit(terms=[("pl", "gmina")]))
    layers = {m["layer"] for m in cli("lookup", "gmina", "--json", env={
        "TERMBASE_CONFIG": str(config), "TERMBASE_ALSO": str(other)}).json()["matches"]}
    assert layers == {"project", "other"}
    config.write_text('also = "team.sqlite"\n', encoding="utf-8")
    result = cli("lookup", "gmina", env={"TERMBASE_CONFIG": str(config)})
    assert result.code == 1 and "also must be a list of paths" in result.err
    assert len(result.err.strip().splitlines()) == 1
