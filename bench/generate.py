"""Generate news-like documents for benchmarks: many actors, varied actions, dates, and event-free filler.

    python bench/generate.py 2000 --seed 7 -o bench/docs.jsonl

Every sentence comes from templates in this file (no text is copied from any
corpus); the same N and seed give the same documents. The mix is roughly what a
wire feed looks like: most documents carry a few events among background and
quotes, some carry none at all.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

# (country, demonym, capital, head-of-government title)
COUNTRIES = [
    ("Argentina", "Argentine", "Buenos Aires", "President"), ("Australia", "Australian", "Canberra", "Prime Minister"),
    ("Brazil", "Brazilian", "Brasilia", "President"), ("Canada", "Canadian", "Ottawa", "Prime Minister"),
    ("Chile", "Chilean", "Santiago", "President"), ("China", "Chinese", "Beijing", "Premier"),
    ("Colombia", "Colombian", "Bogota", "President"), ("Egypt", "Egyptian", "Cairo", "President"),
    ("Ethiopia", "Ethiopian", "Addis Ababa", "Prime Minister"), ("France", "French", "Paris", "President"),
    ("Germany", "German", "Berlin", "Chancellor"), ("Ghana", "Ghanaian", "Accra", "President"),
    ("India", "Indian", "New Delhi", "Prime Minister"), ("Indonesia", "Indonesian", "Jakarta", "President"),
    ("Iran", "Iranian", "Tehran", "President"), ("Iraq", "Iraqi", "Baghdad", "Prime Minister"),
    ("Israel", "Israeli", "Jerusalem", "Prime Minister"), ("Italy", "Italian", "Rome", "Prime Minister"),
    ("Japan", "Japanese", "Tokyo", "Prime Minister"), ("Kenya", "Kenyan", "Nairobi", "President"),
    ("Mexico", "Mexican", "Mexico City", "President"), ("Morocco", "Moroccan", "Rabat", "Prime Minister"),
    ("Nigeria", "Nigerian", "Abuja", "President"), ("Norway", "Norwegian", "Oslo", "Prime Minister"),
    ("Pakistan", "Pakistani", "Islamabad", "Prime Minister"), ("Peru", "Peruvian", "Lima", "President"),
    ("the Philippines", "Philippine", "Manila", "President"), ("Poland", "Polish", "Warsaw", "Prime Minister"),
    ("Russia", "Russian", "Moscow", "President"), ("Saudi Arabia", "Saudi", "Riyadh", "Crown Prince"),
    ("South Africa", "South African", "Pretoria", "President"), ("South Korea", "South Korean", "Seoul", "President"),
    ("Spain", "Spanish", "Madrid", "Prime Minister"), ("Sudan", "Sudanese", "Khartoum", "General"),
    ("Sweden", "Swedish", "Stockholm", "Prime Minister"), ("Syria", "Syrian", "Damascus", "President"),
    ("Taiwan", "Taiwanese", "Taipei", "President"), ("Thailand", "Thai", "Bangkok", "Prime Minister"),
    ("Turkey", "Turkish", "Ankara", "President"), ("Ukraine", "Ukrainian", "Kyiv", "President"),
    ("the United Kingdom", "British", "London", "Prime Minister"),
    ("the United States", "American", "Washington", "President"), ("Venezuela", "Venezuelan", "Caracas", "President"),
    ("Vietnam", "Vietnamese", "Hanoi", "Prime Minister"), ("Yemen", "Yemeni", "Sanaa", "Prime Minister"),
]
IGOS = ["the United Nations", "NATO", "the European Union", "the African Union", "ASEAN", "the World Health "
        "Organization", "the International Monetary Fund", "the Arab League", "the IAEA", "the G7"]
FIRST = ["Amara", "Bogdan", "Carmen", "Daniel", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kwame", "Leila",
         "Mateo", "Nadia", "Oskar", "Priya", "Quan", "Rosa", "Samir", "Tanya", "Umar", "Vera", "Wei", "Yusuf"]
LAST = ["Adeyemi", "Bauer", "Castillo", "Dimitrov", "Eriksen", "Fonseca", "Gupta", "Haddad", "Ivanova", "Jensen",
        "Kato", "Lindqvist", "Mensah", "Novak", "Okafor", "Petrova", "Quispe", "Rahman", "Silva", "Tanaka",
        "Usman", "Vargas", "Weber", "Yilmaz", "Zhou"]
MINISTRIES = ["foreign minister", "defence minister", "trade minister", "interior minister", "finance minister"]
GROUPS = ["opposition lawmakers", "protesters", "farmers' unions", "rebel fighters", "student groups",
          "the ruling party", "the central bank", "state media", "the army", "border police", "human rights groups"]
TOPICS = ["grain exports", "a disputed maritime border", "fishing rights", "a hydroelectric dam", "rare-earth "
          "mining", "refugee flows", "a stalled ceasefire", "gas transit fees", "a detained journalist",
          "cyber attacks on banks", "airspace violations", "tariffs on steel", "a new pipeline", "vaccine supplies"]
WHEN = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
        "late on Sunday", "earlier this week", "last week", "on {month} {day}", "this month", "in {month}",
        "", "", ""]
FUTURE = ["next week", "next month", "in {month}", "later this year", "before the end of the year",
          "on {month} {day}"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
SOURCES = ["Harbour Post", "Meridian Wire", "The Daily Ledger", "Northern Courier", "Atlas News Service",
           "Coastline Herald", "Capital Observer", "Evening Dispatch"]

EVENTS = [  # {A} and {B} are actors; {when} a time expression; {topic} a subject
    "{A} and {B} signed an agreement on {topic} {when}.",
    "{A} agreed with {B} to extend cooperation on {topic}.",
    "{A} held talks with {B} in {city} {when}, focusing on {topic}.",
    "{A} spoke by phone with {B} {when} about {topic}.",
    "{A} met {B} on the sidelines of a regional summit {when}.",
    "{A} expressed support for {B} in the dispute over {topic}.",
    "{A} praised {B} for its handling of {topic}.",
    "{A} accused {B} of violating a deal on {topic}.",
    "{A} condemned {B} {when} over {topic}, calling the move reckless.",
    "{A} criticised {B} for its stance on {topic}.",
    "{A} rejected a proposal from {B} on {topic}.",
    "{A} refused to meet {B} until progress was made on {topic}.",
    "{A} called on {B} to resume negotiations on {topic}.",
    "{A} urged {B} to release the detained crew {when}.",
    "{A} demanded that {B} withdraw its troops from the border area.",
    "{A} threatened to impose tariffs on {B} if talks on {topic} failed.",
    "{A} warned {B} against any further provocation near the border.",
    "{A} imposed sanctions on {B} {when} over {topic}.",
    "{A} expelled two diplomats from {B} {when}.",
    "{A} recalled its ambassador from {B} for consultations.",
    "{A} pledged humanitarian aid worth {amount} to {B} {when}.",
    "{A} sent medical supplies and engineers to {B} after the floods.",
    "{A} lifted its ban on imports from {B} {when}.",
    "{A} released {n} prisoners held on charges linked to {B}.",
    "{A} withdrew troops from the area it disputes with {B}.",
    "{A} deployed warships near the coast of {B} {when}.",
    "{A} mobilised reservists as tension with {B} rose over {topic}.",
    "Forces of {A} shelled positions held by {B} {when}, local officials said.",
    "{A} carried out air strikes against {B} {when}.",
    "{A} arrested {n} people accused of spying for {B}.",
    "{A} seized a cargo ship bound for {B} {when}.",
    "Thousands of {group} marched in {city} {when} to protest against {B}.",
    "{A} plans to visit {B} {future} to discuss {topic}.",
    "{A} is expected to host {B} {future} for talks on {topic}.",
    "{A} invited {B} to a summit {future}.",
    "{A} did not support a resolution on {topic} tabled by {B}.",
    "{A} denied that it had sent weapons to {B}.",
    "{A} could impose new restrictions on {B} if the dispute over {topic} escalates.",
    "According to {source}, {A} offered to mediate between {B} and its neighbours.",
    "{A} said it would cooperate with {B} on {topic}, according to a statement.",
]
FILLER = [
    "Markets in {city} closed slightly higher, with energy shares leading the gains.",
    "Heavy rain is forecast for much of the region over the weekend.",
    "The national football team won its qualifying match by two goals.",
    "Analysts said the outcome would depend on commodity prices in the coming months.",
    "Inflation eased to {pct} percent in the year to {month}, the statistics office said.",
    "The festival drew record crowds to the old town of {city}.",
    "Officials did not give further details.",
    "The talks were described as frank and constructive.",
    "Observers expect little change before the elections.",
    "The currency has lost about {pct} percent of its value since the start of the year.",
    "Local newspapers devoted their front pages to the story.",
    "It was not immediately clear how many people were affected.",
    "The ministry said a full statement would follow.",
    "Shares in the state airline fell {pct} percent in early trading.",
    "A spokesperson declined to comment on the report.",
]
QUOTES = [
    '"We will not accept pressure from anyone," {person} told reporters.',
    '"This is a step in the right direction," {person} said in a statement.',
    '"Our patience has limits," {person} said.',
    '"Dialogue remains the only way forward," {person} told a news conference in {city}.',
]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _actor(rng: random.Random, country: tuple[str, str, str, str], first: bool) -> str:
    """A reference to a country's side: the state, its capital, its leader, a minister, or a group in it."""
    name, demonym, capital, title = country
    kind = rng.random()
    if kind < 0.3:
        return name[0].upper() + name[1:] if first else name
    if kind < 0.42:
        return capital
    if kind < 0.62:
        return f"{demonym} {title} {_person(rng)}"
    if kind < 0.8:
        return f"{'The' if first else 'the'} {demonym} {rng.choice(MINISTRIES)}"
    if kind < 0.9:
        return f"{'The' if first else 'the'} {demonym} government"
    return f"{demonym} {rng.choice(GROUPS)}"


def _when(rng: random.Random, options: list[str]) -> str:
    return rng.choice(options).format(month=rng.choice(MONTHS), day=rng.randint(1, 28))


def _fill(rng: random.Random, template: str, a: str, b: str, city: str) -> str:
    s = template.format(
        A=a, B=b, city=city, when=_when(rng, WHEN), future=_when(rng, FUTURE), topic=rng.choice(TOPICS),
        amount=f"${rng.randint(2, 900)} million", n=rng.randint(2, 120), group=rng.choice(GROUPS),
        source=rng.choice(SOURCES), person=_person(rng), pct=rng.randint(1, 19), month=rng.choice(MONTHS))
    s = " ".join(s.split()).replace(" .", ".").replace(" ,", ",")
    return s[0].upper() + s[1:]


def document(rng: random.Random, n: int) -> dict[str, object]:
    """One document: a few events between two or three parties, with filler and quotes around them."""
    published = date(2024, 1, 1) + timedelta(days=rng.randint(0, 730))
    home, other, third = rng.sample(COUNTRIES, 3)
    city = rng.choice([home[2], other[2], "Geneva", "Vienna", "Doha", "Singapore"])
    sentences: list[str] = []
    no_events = rng.random() < 0.15
    n_events = 0 if no_events else rng.choice([1, 2, 2, 3, 3, 4, 5, 7])
    n_filler = rng.randint(3, 12) + (3 if no_events else 0)
    headline = ""
    for _ in range(n_events):
        x, y = rng.sample([home, other, third], 2) if rng.random() < 0.3 else (home, other)
        a = _actor(rng, x, True)
        b = rng.choice(IGOS) if rng.random() < 0.12 else _actor(rng, y, False)
        sentences.append(_fill(rng, rng.choice(EVENTS), a, b, city))
        headline = headline or sentences[-1]
    for _ in range(n_filler):
        pool = QUOTES if rng.random() < 0.25 else FILLER
        sentences.insert(rng.randint(0, len(sentences)), _fill(rng, rng.choice(pool), "", "", city))
    paragraphs, cur = [], []
    for s in sentences:
        cur.append(s)
        if rng.random() < 0.4:
            paragraphs.append(" ".join(cur))
            cur = []
    if cur:
        paragraphs.append(" ".join(cur))
    title = (headline or sentences[0]).split(",")[0].rstrip(".")
    return {"id": f"bench-{n:06d}", "published": published.isoformat(), "source": rng.choice(SOURCES),
            "title": title[:90], "text": "\n\n".join(paragraphs)}


def generate(n: int, seed: int = 0) -> Iterator[dict[str, object]]:
    """`n` documents; the same (n, seed) always gives the same documents."""
    rng = random.Random(seed)
    for i in range(n):
        yield document(rng, i + 1)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of documents")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-o", "--output", type=Path, help="JSONL file (default stdout)")
    args = ap.parse_args(argv)
    out = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    try:
        for doc in generate(args.n, args.seed):
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    finally:
        if args.output:
            out.close()


if __name__ == "__main__":
    main()
