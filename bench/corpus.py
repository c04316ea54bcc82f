"""A deterministic benchmark corpus written from templates (all wording is this project's own).

    python bench/corpus.py OUT.jsonl --articles 1000 [--on-topic 0.5] [--seed 1]

On-topic articles put dictionary actors into stance sentences of every kind the extractor
handles (narrated, quoted, negated, hedged, conditional, coordinated, role descriptions,
relations, speculation that must yield nothing) between background paragraphs; off-topic
articles are sport, weather and market reports. Lengths run from 300 to 1,200 words.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta

STATES = ["Poland", "Germany", "France", "Hungary", "Lithuania", "Latvia", "Estonia", "Italy", "Spain", "the Netherlands",
          "Turkey", "Slovakia", "Romania", "Canada", "Norway", "Denmark", "Sweden", "Finland", "Belgium", "Portugal"]
PEOPLE = [("Radosław Sikorski", "Polish foreign minister"), ("Annalena Baerbock", "German foreign minister"),
          ("Péter Szijjártó", "Hungarian foreign minister"), ("Gabrielius Landsbergis", "Lithuanian foreign minister"),
          ("Kaja Kallas", "Estonian prime minister"), ("Dmytro Kuleba", "Ukrainian foreign minister"),
          ("Jens Stoltenberg", "Nato secretary general"), ("Sergei Lavrov", "Russian foreign minister")]
TOPIC_PHRASES = {
    "invitation": ["an invitation for Ukraine", "a clear path to membership for Ukraine", "a timetable for Ukraine's accession"],
    "membership": ["Ukraine's membership of NATO", "Ukraine's bid to join the alliance"],
    "guarantees": ["security guarantees for Ukraine outside the NATO framework", "long-term security commitments to Kyiv"],
    "troops": ["sending troops to Ukraine", "a reassurance force in Ukraine"],
}
STANCE_TEMPLATES = [
    "{state} supports {topic}.", "{state} opposes {topic}.", "{state} is wary of {topic}.",
    "{state} and {state2} want {topic}.", "{state} does not oppose {topic}.", "{state} has long resisted {topic}.",
    "{person} said {state} would not support {topic}.", "“We want {topic},” {person} said.",
    "{person}, the {role}, said on {day} that allies should back {topic}.",
    "{person} rejected the argument that {topic} was premature.",
    "According to {person}, {topic} is essential.", "{person} said {topic} could not be ruled out.",
    "{person} said {state} might change its view on {topic} if the war drags on.",
    "Some allies want {topic}, diplomats said.",
]
BACKGROUND = [
    "Leaders of the alliance are due to meet next month, and officials have spent weeks negotiating the wording of the final communique.",
    "The war has entered its {n}th month, with heavy fighting reported along the eastern front and repeated strikes on energy infrastructure.",
    "Diplomats in Brussels described the talks as difficult but constructive, with several delegations asking for more time.",
    "The debate has divided capitals for years, and the summit is expected to produce a compromise rather than a breakthrough.",
    "Officials briefed reporters on condition of anonymity because the negotiations were still under way.",
    "A spokesperson for the alliance declined to comment on the details of the draft text.",
]
OFF_TOPIC = [
    "The home side scored twice after the break to move up to third place in the table.",
    "Heavy rain is forecast across the north on {day}, with temperatures dropping sharply overnight.",
    "Shares in the carmaker rose {n} percent after it reported stronger sales than analysts had expected.",
    "The festival opens with a concert in the old town square, and organisers expect record crowds this year.",
    "Commuters faced long delays after a signal failure near the central station during the morning rush.",
    "The museum reopened its modern art wing after a two-year renovation paid for by private donors.",
    "The coach said the squad would travel without two injured defenders for the away match.",
    "Analysts said the central bank was likely to hold interest rates steady at its next meeting.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def articles(count: int, on_topic: float = 0.5, seed: int = 1, length: tuple[int, int] = (300, 1200)) -> Iterator[dict]:
    rng = random.Random(seed)
    start = date(2008, 1, 1)
    for number in range(count):
        day = (start + timedelta(days=rng.randrange(6500))).isoformat()
        relevant = rng.random() < on_topic
        target = rng.randint(*length)
        paragraphs, words = [], 0
        while words < target:
            paragraph = _paragraph(rng, relevant)
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        title = "Allies weigh Ukraine's path" if relevant else "Around the region"
        yield {"text": "\n\n".join(paragraphs), "title": f"{title} ({number})", "date": day,
               "outlet": rng.choice(["Bench Wire", "Bench Herald", "Bench Times"]), "url": f"https://bench.example/{seed}/{number}"}


def _paragraph(rng: random.Random, relevant: bool) -> str:
    fill = {"day": rng.choice(DAYS), "n": rng.randint(2, 40)}
    if not relevant:
        return " ".join(rng.choice(OFF_TOPIC).format(**fill) for _ in range(rng.randint(2, 4)))
    sentences = [rng.choice(BACKGROUND).format(**fill)]
    if rng.random() < 0.6:
        state, state2 = rng.sample(STATES, 2)
        person, role = rng.choice(PEOPLE)
        topic = rng.choice(rng.choice(list(TOPIC_PHRASES.values())))
        sentence = rng.choice(STANCE_TEMPLATES).format(state=state, state2=state2, person=person, role=role,
                                                       topic=topic, **fill)
        sentences.append(sentence[0].upper() + sentence[1:])
    sentences.append(rng.choice(BACKGROUND).format(**fill))
    return " ".join(sentences)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--on-topic", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with open(args.output, "w", encoding="utf-8") as out:
        for article in articles(args.articles, args.on_topic, args.seed):
            out.write(json.dumps(article, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
