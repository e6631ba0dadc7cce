"""English: the language pack's word lists (YAML beside this file), lexicons and clause helpers."""

from __future__ import annotations

from .words import words

__all__ = ["words"]
