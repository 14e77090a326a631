"""The interactive prompt: index loaded once, so every answer is instant.

A short input (up to three words) is looked up; a longer one is treated as a segment and
gets suggestions. `?text` forces a lookup, `>text` a suggestion. History is kept between
sessions in the user's data directory (readline, where the platform has it).
"""

from __future__ import annotations

import sys

from termbase.cli.render import show_matches, show_suggestion

HELP = """\
  word or phrase    look it up (any language, any form, typos allowed)
  longer sentence   suggestions: its terms with {to} equivalents, memory matches
  ?text / >text     force a lookup / a suggestion
  :from LANG        set the source language (now {src})
  :to LANG          set the target language (now {to})
  :help  :quit"""


def _piped_lines():
    """Lines of standard input as bytes, decoded one by one: a line in another encoding is
    reported (None) without ending the session or losing the lines around it."""
    for raw in sys.stdin.buffer:
        try:
            yield raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError:
            yield None


class Shell:
    def __init__(self, termbase, source_lang: str, target_lang: str):
        self.tb = termbase
        self.src, self.tgt = source_lang, target_lang
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
        from termbase import InvalidInput, check_lang, for_terminal, has_control_chars

        if not line:
            return True
        if has_control_chars(line) or any("\ud800" <= ch <= "\udfff" for ch in line):
            print("error: the line contains control characters or undecodable bytes; "
                  "nothing was looked up")
            return True
        if line in (":q", ":quit", ":exit"):
            return False
        if line == ":help":
            print(HELP.format(src=self.src, to=self.tgt))
            return True
        try:
            if line.startswith((":from ", ":to ")):
                command, _, value = line.partition(" ")
                lang = check_lang(value)
                if command == ":from":
                    self.src = lang
                else:
                    self.tgt = lang
                print(f"{self.src} -> {self.tgt}")
            elif line.startswith(":"):
                print(f"unknown command {for_terminal(line.split()[0])} (:help lists them)")
            elif line.startswith("?") or (not line.startswith(">") and len(line.split()) <= 3):
                self._lookup(line.lstrip("?").strip())
            else:
                self._suggest(line.lstrip(">").strip())
        except InvalidInput as exc:
            print(f"error: {for_terminal(exc)}")
        return True

    def _lookup(self, query: str) -> None:
        show_matches(query, self.tb.lookup(query, to=[self.tgt], limit=8))

    def _suggest(self, segment: str) -> None:
        show_suggestion(self.tb.suggest(segment, self.src, self.tgt))
