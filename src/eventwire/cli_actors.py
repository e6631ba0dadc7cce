"""Actor commands for the `eventwire` CLI (registered by `cli.py` through `register(app)`).

    eventwire actor "MENTION" [--on DATE] [--actors FILE]   # the resolved actor as JSON
    eventwire actors check [--actors FILE]                    # counts and consistency problems
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from .cli_common import date_option
from .knowledge.actors import ActorKB, Entry, Term
from .records import Actor

ActorsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors", metavar="FILE",
        help="Extra actor file(s) (YAML); their entries replace shipped ones with the same id"),
]

KIND_ORDER = {"person": 0, "org": 1, "state": 2, "igo": 3, "region": 4, "title": 5, "sector": 6}
FIELD_ORDER = {"terms": 0, "adjectives": 1, "metonyms": 2}

actors_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Inspect the actor knowledge base.")


def _load(actors: list[Path] | None) -> tuple[ActorKB, list[str]]:
    kb, problems = ActorKB.load_lenient(actors or [])
    for p in problems:
        typer.echo(f"eventwire: skipped actor entry: {p}", err=True)
    return kb, problems


def lookup_exact(kb: ActorKB, mention: str) -> tuple[Entry, Term] | None:
    """The preferred entry whose term is exactly the mention (or the mention without a leading 'the')."""
    candidates = kb.lookup(mention)
    if not candidates and mention.lower().startswith("the "):
        candidates = kb.lookup(mention[4:])
    named = [t for t in candidates if kb.entry(t.entry_id).kind not in ("title", "sector")]
    if not named:
        return None
    best = min(named, key=lambda t: (KIND_ORDER.get(kb.entry(t.entry_id).kind, 9), FIELD_ORDER.get(t.field, 9)))
    return kb.entry(best.entry_id), best


def resolve_mention(kb: ActorKB, mention: str, on: date | None) -> Actor | None:
    """A known name first; otherwise the phrase rules over the actor base (no model needed)."""
    hit = lookup_exact(kb, mention)
    if hit is not None:
        return hit[0].actor(on)
    return kb.resolve(mention, on)


def actor_json(kb: ActorKB, mention: str, on: date | None, actor: Actor | None) -> dict:
    entry = kb.entries.get(actor.entry) if actor is not None and actor.entry else None
    return {
        "mention": mention,
        "on": on.isoformat() if on else None,
        "code": actor.code if actor else None,
        "name": actor.name if actor else None,
        "sector": actor.sector if actor else None,
        "office": actor.office if actor else None,
        "entry": actor.entry if actor else None,
        "origin": entry.origin if entry else None,
    }


def actor(
    mention: Annotated[str, typer.Argument(
        metavar="MENTION", help='A mention: "the Kremlin", "Takaichi", "Japan\'s prime minister"')],
    on: Annotated[str | None, typer.Option(
        metavar="DATE", help="Date the mention refers to (YYYY-MM-DD); default: today's holders")]
    = None,
    actors: ActorsOption = None,
) -> None:
    """Resolve one actor mention on a date and print it as JSON (code, name, sector, office, entry, origin)."""
    day = date_option(on)
    kb, _ = _load(actors)
    try:
        found = resolve_mention(kb, mention, day)
    except (ImportError, OSError) as e:  # no spaCy model for phrase-level resolution
        typer.echo(f"eventwire: cannot resolve {mention!r} beyond exact names: {e}", err=True)
        found = None
    typer.echo(json.dumps(actor_json(kb, mention, day, found), ensure_ascii=False))
    if found is None:
        raise typer.Exit(1)


@actors_app.command("check")
def check_command(actors: ActorsOption = None) -> None:
    """Print entry counts and consistency problems of the actor knowledge (exit 1 on problems)."""
    from .actors.check import check, counts

    kb, load_problems = _load(actors)
    for key, n in counts(kb).items():
        typer.echo(f"{key:24} {n}")
    problems = load_problems + check(kb)
    for p in problems:
        typer.echo(f"problem: {p}")
    typer.echo(f"{len(problems)} problem(s)")
    if problems:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add `actor` and the `actors` group to the main CLI."""
    app.command("actor")(actor)
    app.add_typer(actors_app, name="actors")
