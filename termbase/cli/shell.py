"""The interactive prompt: index loaded once, so every answer is instant.

A short input (up to three words) is looked up; a longer one is treated as a segment and
gets suggestions. `?text` forces a lookup, `>text` a suggestion. History is kept between
sessions in the user's data directory (readline, where the platform has it).
"""

from __future__ import annotations

import sys
from pathlib import Path

from termbase.cli.render import show_matches, show_suggestion
from termbase.cli.shell_check import check_pair, chosen_flags, show_flags

HELP = """\
  word or phrase    look it up (any language, any form, typos allowed)
  longer sentence   suggestions: its terms with {to} equivalents, memory matches
  ?text / >text     force a lookup / a suggestion
  :from LANG        set the source language (now {src})
  :to LANG          set the target language (now {to})
  :variant TAG      regional variety whose terms come first, e.g. pl-PL (now {variant});
                    :variant none (or alone) clears it
  :subject NAME     show only concepts of this subject (now {subject}); alone: all
  :add TERM = TARGET
                    add TERM (in its base form; the last segment may hold any form of it)
                    with its TARGET equivalent as a new concept, in the subject set by
                    :subject; an inflected TERM is refused with its base form proposed
  :add! TERM = TARGET
                    the same, keeping TERM exactly as written
  :check TRANSLATION
                    term QA of the current segment against your TRANSLATION
  :accept [N ...]   record the flags :check showed (all, or those numbered) in the
                    accept list (now {accept}), which check --accept reads
  :history          the queries of this session
  :help  :quit"""
HISTORY_SHOWN = 20


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _piped_lines():
    """Lines of standard input as bytes, decoded one by one: a line in another encoding is
    reported (None) without ending the session or losing the lines around it."""
    for raw in sys.stdin.buffer:
        try:
            yield raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError:
            yield None


class Shell:
    def __init__(self, termbase, source_lang: str, target_lang: str,
                 variant: str | None = None, accept: Path | None = None):
        self.tb = termbase
        self.accept = accept          # the project's accept list (check --accept)
        self.flags: list = []         # the flags :check last showed for the segment
        self.src, self.tgt = source_lang, target_lang
        self.variant, self.subject = variant, None
        self.segment = None           # the last segment given suggestions (for :add)
        self.proposed: set[str] = set()   # base forms :add proposed for its terms
        self.queries: list[str] = []  # this session's lookups and segments
        self.shown_notes: set | None = None   # piped: notes printed once, as by `suggest`
        self.history = None

    def _setup_history(self) -> None:
        try:
            import readline
        except ImportError:  # e.g. Windows without pyreadline
            return
        from termbase import user_data_dir

        self.history = user_data_dir() / "shell_history"
        try:
            self.history.parent.mkdir(parents=True, exist_ok=True)
            readline.read_history_file(self.history)
        except OSError:
            pass
        readline.set_history_length(1000)

    def _save_history(self) -> None:
        if self.history is None:
            return
        import readline

        try:
            readline.write_history_file(self.history)
        except OSError:
            pass

    def run(self) -> int:
        interactive = sys.stdin.isatty()
        if interactive:
            self._setup_history()
        else:
            self.shown_notes = set()
        concepts = self.tb.preload()
        if interactive:
            print(f"termbase shell: {concepts} concepts, {self.src} -> {self.tgt}. "
                  ":help for help, :quit or Ctrl-D to leave.")
        try:
            for line in (self._prompted_lines() if interactive else _piped_lines()):
                if line is None:
                    print("error: that line is not valid UTF-8; nothing was looked up")
                    continue
                if not self.handle(line.strip()):
                    break
        finally:
            self._save_history()
        return 0

    def _prompted_lines(self):
        while True:
            try:
                yield input(f"{self.src}>{self.tgt} ")
            except EOFError:
                return
            except KeyboardInterrupt:
                print()
            except UnicodeDecodeError:
                yield None

    def handle(self, line: str) -> bool:
        """Answer one input line; False means quit."""
        from termbase import TermbaseError, for_terminal, has_control_chars

        if not line:
            return True
        if has_control_chars(line) or any("\ud800" <= ch <= "\udfff" for ch in line):
            print("error: the line contains control characters or undecodable bytes; "
                  "nothing was looked up")
            return True
        command, _, value = line.partition(" ")
        value = value.strip()
        if command in (":q", ":quit", ":exit"):
            return False
        if command == ":help":
            print(HELP.format(src=self.src, to=self.tgt, variant=self.variant or "none",
                              subject=for_terminal(self.subject or "all"),
                              accept=for_terminal(self.accept or "none: shell --accept FILE")))
            return True
        try:
            if command in (":from", ":to"):
                self._set_language(command, value)
            elif command in self.COMMANDS:
                self.COMMANDS[command](self, value)
            elif line.startswith(":"):
                print(f"unknown command {for_terminal(command)} (:help lists them)")
            elif line.startswith("?") or (not line.startswith(">") and len(line.split()) <= 3):
                self._lookup(line.lstrip("?").strip())
            else:
                self._suggest(line.lstrip(">").strip())
        except TermbaseError as exc:
            print(f"error: {for_terminal(exc)}")
        return True

    def _lookup(self, query: str) -> None:
        self._remember(query)
        show_matches(query, self.tb.lookup(query, to=[self.tgt], limit=8, variant=self.variant,
                                           subject=self.subject))

    def _suggest(self, segment: str) -> None:
        self._remember(segment)
        result = self.tb.suggest(segment, self.src, self.tgt, variant=self.variant,
                                 subject=self.subject)
        self.segment, self.flags, self.proposed = segment, [], set()
        show_suggestion(result, self.shown_notes)

    def _remember(self, query: str) -> None:
        if query and (not self.queries or self.queries[-1] != query):
            self.queries.append(query)

    def _set_language(self, command: str, value: str) -> None:
        """:from / :to: a language the termbase holds, or the pair is left as it was."""
        from termbase import InvalidInput, check_lang

        now = self.src if command == ":from" else self.tgt
        if not value or len(value.split()) > 1:
            raise InvalidInput(f"write {command} LANG, e.g. {command} lt (now {now})")
        base, dash, region = value.partition("-")
        if dash and region:
            raise InvalidInput(f"{value} is a regional variety: {command} "
                               f"{base.lower()}, then :variant {value}")
        lang = check_lang(value)
        self.tb.require_languages([lang], memory=True)
        if command == ":from":
            self.src = lang
        else:
            self.tgt = lang
        print(f"{self.src} -> {self.tgt}")

    def _set_variant(self, value: str) -> None:
        from termbase import default_variant, variant_warning

        self.variant = default_variant(value) if value else None
        print(f"variant: {self.variant or 'none'}")
        warning = variant_warning(self.tb, self.variant)
        if warning:
            print(warning)

    def _set_subject(self, value: str) -> None:
        from termbase import filter_subject, for_terminal

        self.subject = filter_subject(self.tb, value) if value else None
        print(f"subject: {for_terminal(self.subject or 'all')}")

    def _show_history(self, value: str) -> None:
        from termbase import for_terminal

        shown = self.queries[-HISTORY_SHOWN:]
        first = len(self.queries) - len(shown) + 1
        for number, query in enumerate(shown, first):
            print(f"{number:>4}  {for_terminal(query)}")
        if not shown:
            print("(no queries yet)")

    def _add(self, value: str, as_written: bool = False) -> None:
        from termbase import (ConceptEdit, InvalidInput, base_form_proposal, for_terminal,
                              occurs_in_segment)

        source, equals, target = value.partition("=")
        source, target = _spaced(source), _spaced(target)
        if not equals or not source or not target:
            raise InvalidInput("write :add TERM = TARGET (the term as in the segment, then "
                               "its translation)")
        if self.segment is None:
            raise InvalidInput(":add takes its term from the current segment: give a "
                               "segment first")
        proposed = source.casefold() in self.proposed     # the base form we proposed
        if not proposed and not occurs_in_segment(source, self.src, self.segment):
            raise InvalidInput(f"{source!r} is not in the current segment (as written or "
                               "in another form)")
        base = None if as_written or proposed else base_form_proposal(source, self.src)
        if base:
            self.proposed.add(_spaced(base).casefold())
            raise InvalidInput(f"{source!r} is an inflected form; nothing added. "
                               f"`:add {base} = {target}` adds its base form, "
                               f"`:add! {source} = {target}` keeps it as written")
        concept = self.tb.add(ConceptEdit(terms=[(self.src, source), (self.tgt, target)],
                                          subject=self.subject))
        print(f"added {for_terminal(concept.id)}: {for_terminal(source)} [{self.src}] = "
              f"{for_terminal(target)} [{self.tgt}]"
              + (f", subject {for_terminal(self.subject)}" if self.subject else "")
              + f" (batch {self.tb.last_batch})")

    def _add_as_written(self, value: str) -> None:
        self._add(value, as_written=True)

    def _check(self, value: str) -> None:
        from termbase import InvalidInput

        if self.segment is None or not value:
            raise InvalidInput("give a segment first, then :check TRANSLATION")
        report = check_pair(self.tb, self.segment, value, self.src, self.tgt, self.variant,
                            self.accept)
        self.flags = list(report.issues)
        show_flags(self.flags)

    def _accept(self, value: str) -> None:
        from termbase import InvalidInput, for_terminal, record_accepted

        if self.accept is None:
            raise InvalidInput("no accept list: start the shell with --accept FILE")
        picked = chosen_flags(self.flags, value)
        added = record_accepted(self.accept, picked)
        self.flags = [flag for flag in self.flags if flag not in picked]
        print(f"accepted {len(picked)} flag(s) in {for_terminal(self.accept)}"
              + (f" ({len(picked) - added} already there)" if added < len(picked) else ""))

    COMMANDS = {":variant": _set_variant, ":subject": _set_subject, ":add": _add,
                ":add!": _add_as_written,
                ":history": _show_history, ":check": _check, ":accept": _accept}
