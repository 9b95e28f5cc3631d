"""Keeps Python's cyclic garbage collector out of keystrokes in a screen with many panes.

Full collections walk every tracked object: with 50 articles they were 100-300 ms stalls in the
middle of a key press. Reference counting frees nearly everything a keystroke allocates, the
collector only finds cycles, so it can wait until the cursor rests.
"""

from __future__ import annotations

import gc
from time import monotonic
from typing import Any

from textual.screen import Screen
from textual.timer import Timer

GC_REST = 0.5
"""Seconds the cursor must rest before the garbage collector may run again."""


class GcPause:
    """``hold()`` on every move; ``freeze()`` once what lives as long as the screen is built;
    ``release_all()`` when the screen goes."""

    def __init__(self, screen: Screen[Any]) -> None:
        self._screen = screen
        self._frozen = False
        self._held = False
        self._last_move = 0.0
        self._timer: Timer | None = None

    def freeze(self) -> None:
        """Take what lives as long as the screen (documents, index, widgets) out of the
        collector's full passes."""
        if self._frozen or not self._screen.is_mounted:
            return
        gc.collect()
        gc.freeze()
        self._frozen = True

    def hold(self) -> None:
        """Keep the collector off while the cursor moves and let it run once it rests, as
        Textual does during smooth scrolling (``App.PAUSE_GC_ON_SCROLL``)."""
        self._last_move = monotonic()
        if self._held or not gc.isenabled():
            return
        gc.disable()
        self._held = True
        if self._timer is None:
            self._timer = self._screen.set_interval(GC_REST / 2, self._release, name="gc-release")
        else:
            self._timer.resume()

    def _release(self) -> None:
        if self._held and monotonic() - self._last_move < GC_REST:
            return
        if self._held:
            gc.enable()
            self._held = False
        if self._timer is not None:
            self._timer.pause()

    def release_all(self) -> None:
        if self._held:
            gc.enable()
            self._held = False
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
