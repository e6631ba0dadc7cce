"""The read-only web layer over the event store: JSON API and dashboard (`create_app`)."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
