"""A small PowerShell lexer: enough to catch the syntax errors an edit on Linux can make.

Used where no ``pwsh`` is installed: it checks that strings, here-strings, comments and
brackets are closed and nested right (``$(`` and ``@(`` inside double-quoted strings
included), that a line-continuation backtick ends its line, and it lists the string
literals passed to ``Join-Path`` so a test can check that the files named exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PAIRS = {"(": ")", "{": "}", "[": "]"}
CLOSERS = {v: k for k, v in PAIRS.items()}
JOIN_PATH = re.compile(r'Join-Path\s+\$(\w+)\s+"([^"$`]+)"')


class PowerShellSyntaxError(ValueError):
    """What is wrong and on which line (1-based)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


@dataclass(slots=True)
class _Lexer:
    text: str
    pos: int = 0
    stack: list[tuple[str, int]] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.text.count("\n", 0, self.pos) + 1

    def peek(self, offset: int = 0) -> str:
        at = self.pos + offset
        return self.text[at] if at < len(self.text) else ""

    def fail(self, message: str) -> PowerShellSyntaxError:
        return PowerShellSyntaxError(self.line, message)

    def open(self, char: str) -> None:
        self.stack.append((char, self.line))

    def close(self, char: str) -> None:
        if not self.stack or self.stack[-1][0] != CLOSERS[char]:
            raise self.fail(f"unexpected {char!r}")
        self.stack.pop()

    def code(self, until_depth: int | None = None) -> None:
        """Lex code; with ``until_depth``, stop after the ``)`` closing that depth."""
        while self.pos < len(self.text):
            char = self.peek()
            if char == "<" and self.peek(1) == "#":
                end = self.text.find("#>", self.pos + 2)
                if end < 0:
                    raise self.fail("block comment <# not closed")
                self.pos = end + 2
            elif char == "#":
                end = self.text.find("\n", self.pos)
                self.pos = len(self.text) if end < 0 else end
            elif char == "@" and self.peek(1) in "\"'" and self.peek(2) in "\r\n":
                quote = self.peek(1)
                match = re.compile(rf"\n{quote}@").search(self.text, self.pos)
                if match is None:
                    raise self.fail(f"here-string @{quote} not closed by {quote}@")
                self.pos = match.end()
            elif char == "'":
                self.single_quoted()
            elif char == '"':
                self.double_quoted()
            elif char == "`":
                following = self.peek(1)
                if following in ("\r", "\n"):
                    self.pos += 2
                elif following in (" ", "\t") and self._only_blanks_to_eol(self.pos + 1):
                    raise self.fail("blank after a line-continuation backtick")
                else:
                    self.pos += 2
            elif char in PAIRS:
                self.open(char)
                self.pos += 1
            elif char in CLOSERS:
                self.close(char)
                self.pos += 1
                if until_depth is not None and len(self.stack) == until_depth:
                    return
            else:
                self.pos += 1

    def _only_blanks_to_eol(self, start: int) -> bool:
        end = self.text.find("\n", start)
        return not self.text[start : None if end < 0 else end].strip()

    def single_quoted(self) -> None:
        start = self.line
        self.pos += 1
        while True:
            end = self.text.find("'", self.pos)
            if end < 0:
                raise PowerShellSyntaxError(start, "string ' not closed")
            if self.text.startswith("''", end):
                self.pos = end + 2
                continue
            self.pos = end + 1
            return

    def double_quoted(self) -> None:
        start = self.line
        self.pos += 1
        while self.pos < len(self.text):
            char = self.peek()
            if char == "`" or (char == '"' and self.peek(1) == '"'):
                self.pos += 2
            elif char == '"':
                self.pos += 1
                return
            elif char == "$" and self.peek(1) == "(":
                self.pos += 1
                depth = len(self.stack)
                self.open("(")
                self.pos += 1
                self.code(until_depth=depth)
            else:
                self.pos += 1
        raise PowerShellSyntaxError(start, 'string " not closed')


def check(text: str) -> None:
    """Raise :class:`PowerShellSyntaxError` at the first lexical or bracket error."""
    lexer = _Lexer(text)
    lexer.code()
    if lexer.stack:
        char, line = lexer.stack[-1]
        raise PowerShellSyntaxError(line, f"{char!r} not closed")


def join_path_literals(text: str) -> list[tuple[str, str]]:
    """``(variable, "literal")`` of every ``Join-Path $variable "literal"`` in ``text``."""
    return JOIN_PATH.findall(text)
