"""Relations only where the text states them: a title beside its holder's name, with its state
or organisation (the conventions of the real development gold)."""

import pytest

from stancegraph.loaders.extract import extract
from stancegraph.model import Article


def relations(text: str, date: str) -> set[tuple[str, str, str]]:
    result = extract(Article(text, published=date))
    names = {a.id: a.name for a in result.actors}
    return {(names[r.subject], r.predicate, names[r.object]) for r in result.relations}


@pytest.mark.parametrize("text, date, expected", [
    # the state after the name
    ("Chancellor Olaf Scholz of Germany struck a different note on Tuesday.", "2024-02-27",
     {("Olaf Scholz", "prime_minister_of", "Germany")}),
    # a relative clause that says the office was taken up
    ("Mark Rutte, who took over as Nato secretary general this month, backed Ukraine's bid.", "2024-10-20",
     {("Mark Rutte", "secretary_general_of", "NATO")}),
    # the adviser named before the one advised
    ("Jake Sullivan, President Joe Biden's national security adviser, spoke to reporters.", "2024-07-09",
     {("Jake Sullivan", "advises", "Joe Biden")}),
    # a portfolio between the title and the name
    ("UK Secretary of State for Foreign, Commonwealth and Development Affairs David Lammy spoke in Munich.",
     "2025-02-15", {("David Lammy", "minister_of", "United Kingdom")}),
    # the president of an organisation heads it; president_of is a state's
    ("Fico spoke with President of the European Council Antonio Costa on Monday.", "2025-02-17",
     {("António Costa", "head_of", "European Council")}),
])
def test_stated_relations(text, date, expected):
    assert relations(text, date) == expected


@pytest.mark.parametrize("text, date", [
    # a title without a name: who held it that day is world knowledge, not what the text says
    ("The Swedish prime minister also ruled out sending troops.", "2024-02-27"),
    ("The President of France commented on sending troops on Tuesday.", "2024-02-27"),
    # an adviser to a state has no named advisee
    ("U.S. National Security Advisor Jake Sullivan said the time was inopportune.", "2022-10-01"),
    # the title is someone else's that day: the name belongs to the outer title
    ("It could force Russia to take decisive steps, said the press secretary of the Russian President Dmitry Peskov.",
     "2021-10-20"),
    # an office not yet taken up
    ("Dmitry Medvedev, Russia's incoming president, warned against enlargement.", "2008-04-03"),
])
def test_no_relation_the_text_does_not_state(text, date):
    assert relations(text, date) == set()
