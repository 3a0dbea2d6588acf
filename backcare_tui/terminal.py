"""Textual's Linux driver, made to notice when the terminal goes away.

When a terminal window closes after the shell in it has died, no hang-up signal reaches the
app: its input just reaches end of file and its output fails. Textual's own input thread
then reads nothing in a tight loop, and its output thread dies on the first failed write, so
the screen updates that follow fill the output queue and block the app for ever, deaf even
to SIGTERM. This driver posts `TerminalGone` to the app instead, stops reading, and drops
output that can no longer be written.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder
from collections.abc import Callable
from typing import IO, Any

from textual.app import App
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

READ_SIZE = 4096


class TerminalGone(Message):
    """The terminal's input is at end of file or failing: nobody can see or use the app."""


class TerminalOutput:
    """The terminal as a file whose failed writes are dropped, and reported once."""

    def __init__(self, file: IO[str], on_failure: Callable[[], None]) -> None:
        self._file = file
        self._on_failure = on_failure
        self.failed = False

    def write(self, text: str) -> int:
        if not self.failed:
            try:
                return self._file.write(text)
            except (OSError, ValueError):
                self._fail()
        return len(text)

    def flush(self) -> None:
        if not self.failed:
            try:
                self._file.flush()
            except (OSError, ValueError):
                self._fail()

    def fileno(self) -> int:
        return self._file.fileno()

    def isatty(self) -> bool:
        return True

    def _fail(self) -> None:
        self.failed = True
        self._on_failure()


class TerminalDriver(LinuxDriver):
    def __init__(self, app: App[Any], **options: Any) -> None:
        super().__init__(app, **options)
        self._gone = False
        if self._file is not None:
            # The writer thread only calls write, flush, fileno and isatty on it.
            self._file = TerminalOutput(self._file, self._terminal_gone)  # type: ignore[assignment]

    def _terminal_gone(self) -> None:
        """Tell the app once, from whichever thread noticed."""
        if not self._gone:
            self._gone = True
            self.send_message(TerminalGone())

    def run_input_thread(self) -> None:
        """Textual's input loop, except that end of file or a read error ends it."""
        from textual._xterm_parser import XTermParser

        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        try:
            while not self.exit_event.is_set():
                if selector.select(0.1):
                    try:
                        data = os.read(self.fileno, READ_SIZE)
                    except OSError:
                        data = b""
                    if not data:
                        self._terminal_gone()
                        break
                    for event in parser.feed(decode(data)):
                        self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)
        finally:
            selector.close()
        self.exit_event.wait()  # the app is on its way out; `disable_input` ends this thread
