"""Mentions beyond the dictionary's names: surnames once a full name has appeared, role
descriptions ('the Nato chief') standing for whoever held the role that day, and the places
that are only where something happened."""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from ..ontology import load_actor_data
from .actors import ActorIndex, Mention, fold, one_edit_apart, translit_key
from .roles import apposed_person, resolve_role
from .segment import Sentence


# 'the summit in Bucharest', 'leaders meeting at Lancaster House': a capital or a name found
# only by NER after these is where something happened, not someone taking part (unless it
# holds a stance there).
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside)\s+$|\b(?:visits?|trip|journey|arrival|travell?ed|flew|arrived|came|went|"
                           r"returned)\s+(?:to|in)\s+$", re.IGNORECASE)  # 'during his visit to Brussels': where
_VENUE_BEFORE = re.compile(r"\b(?:at|near|outside)\s+(?:the\s+)?$", re.IGNORECASE)


# 'the Washington summit', 'the Budapest Memorandum', 'the Bucharest 2008 decision', 'the Helsinki
# Final Act': a capital naming an event or a document.
_EVENT_AFTER = re.compile(r"^\s+(?:\d{4}\s+)?(?:NATO\s+)?(?:summit|forum|conference|talks|meeting|declaration|memorandum|treaty"
                          r"|accords?|agreements?|format|process|communiqu[eé]|decisions?|final act|charter)\b", re.IGNORECASE)


# 'the Washington Post', 'the Kyiv Independent', 'The Moscow Times': a city in an outlet's name.
_OUTLET_AFTER = re.compile(r"^\s+(?:Post|Times|Independent|Herald|Journal|Tribune|Pravda|Daily|Telegraph|Insider|Gazette"
                           r"|Examiner|Courier|Today)\b")


# a body named after the gathering it holds, named as the gathering ('at the Munich Security
# Conference', 'ahead of the Munich Security Conference')
_GATHERING_NAME = re.compile(r"\b(?:Conference|Forum|Summit)$")
_GATHERING_BEFORE = re.compile(r"\b(?:at|ahead of|before|during|after|since|to|in|of|on the (?:sidelines|margins) of)\s+"
                               r"(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+(?:anniversary\s+|annual\s+)?)?$", re.IGNORECASE)


def only_a_place(mention: Mention, text: str) -> bool:
    if _GATHERING_NAME.search(mention.text):
        return bool(_GATHERING_BEFORE.search(text[max(0, mention.start - 24):mention.start]))
    if mention.kind not in ("metonym", "ner"):
        return False
    return bool(_PLACE_BEFORE.search(text[max(0, mention.start - 16):mention.start])) or only_a_venue(mention, text)


def only_a_venue(mention: Mention, text: str) -> bool:
    """'the Bratislava Forum', 'the Kyiv Post', 'told reporters at the White House': a capital or
    a seat of government naming where something happens or who publishes it. ('in Sofia, he won
    an endorsement' may still be Bulgaria's.)"""
    return mention.kind in ("metonym", "ner") and bool(
        _EVENT_AFTER.search(text[mention.end:mention.end + 16]) or _OUTLET_AFTER.search(text[mention.end:mention.end + 16])
        or _VENUE_BEFORE.search(text[max(0, mention.start - 16):mention.start]))


def surname_mentions(sentence: Sentence, seen: dict[str, str], found: list[Mention]) -> list[Mention]:
    extra = []
    for surname, ident in seen.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?!\w)", sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if not any(m.start < end and start < m.end for m in found + extra):
                extra.append(Mention(start, end, ident, "surname", surname, True))
    return extra


_WORD = re.compile(r"(?<![\w-])[A-Z][a-z]{4,}(?![\w-])")


def sounding_mentions(sentence: Sentence, index: ActorIndex, found: list[Mention]) -> list[Mention]:
    """'Foreign Minister Sibiga' for the dictionary's Sybiha: a surname in another romanisation
    (`ActorIndex.sounding_like`)."""
    extra = []
    for match in _WORD.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if any(m.start < end and start < m.end for m in found + extra):
            continue
        person = index.sounding_like(match.group(0))
        if person is not None:
            extra.append(Mention(start, end, person.id, "surname", match.group(0), True))
    return extra


_GIVEN_BEFORE = re.compile(r"([A-Z][a-z]+) $")


@lru_cache(maxsize=1)
def _given_name_groups() -> dict[str, int]:
    groups = load_actor_data().get("given_name_equivalents", {}).get("groups", ())
    return {translit_key(name): number for number, names in enumerate(groups) for name in names}


def same_given_name(a: str, b: str) -> bool:
    """'Aleksey' and 'Oleksii', 'Pyotr' and 'Petro': one given name in two languages."""
    groups = _given_name_groups()
    group = groups.get(translit_key(a))
    return group is not None and group == groups.get(translit_key(b))


def with_given_name_variants(found: list[Mention], sentence: Sentence, index: ActorIndex) -> list[Mention]:
    """'Czech Prime Minister Peter Fiala' for the dictionary's Petr Fiala: a surname the
    dictionary knows, after the person's given name in another spelling, is the full name (so
    the title before it reaches the person)."""
    result = []
    for mention in found:
        entry = index.entry(mention.actor) if mention.kind == "surname" else None
        before = _GIVEN_BEFORE.search(sentence.text, 0, mention.start - sentence.start) if entry else None
        if before is not None:
            given, spelled = fold(entry.name.split()[0]).lower(), before.group(1).lower()
            if given != spelled and (one_edit_apart(given, spelled) or same_given_name(given, spelled)):
                start = sentence.start + before.start(1)
                mention = dataclasses.replace(mention, start=start, kind="name",
                                              text=sentence.text[before.start(1):mention.end - sentence.start])
        result.append(mention)
    return result


HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.? ([A-Z][\w'’-]+)")
KNIGHTED = re.compile(r"\b(?:Sir|Dame) ([A-Z][\w'’-]+)\b(?! [A-Z])")


def honorific_mentions(sentence: Sentence, index: ActorIndex, found: list[Mention]) -> list[Mention]:
    """'Mr Brown', 'Ms Merkel': the dictionary's only person of that surname, where the article
    never gave the full name (British and wire style)."""
    return _titled(sentence, HONORIFIC, index.by_surname, found)


def knighted_mentions(sentence: Sentence, seen_given: dict[str, str], found: list[Mention]) -> list[Mention]:
    """'Sir Keir' after 'Sir Keir Starmer': British style names a knight by the given name."""
    return _titled(sentence, KNIGHTED, seen_given.get, found)


def _titled(sentence: Sentence, pattern: re.Pattern[str], person_named, found: list[Mention]) -> list[Mention]:
    extra = []
    for match in pattern.finditer(sentence.text):
        person = person_named(match.group(1))
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if person and not any(m.start < end and start < m.end for m in found):
            extra.append(Mention(start, end, person, "surname", match.group(0), True))
    return extra


# ', Krišjānis Kariņš' right after a role description: two or more capitalised words in apposition.
_UNKNOWN_NAME_AFTER = re.compile(r"^, (?:(?:\d+-year-old|aged \d+) )?(?:[A-Z\u00C0-\u024F][\w'’.-]+ ){1,3}"
                                 r"[A-Z\u00C0-\u024F][\w'’.-]+(?=[,.;:)]|\s(?:[a-z]|$))")


_UNKNOWN_NAME_BEFORE = re.compile(r"(?:^|[:;(] |, )(?:[A-Z\u00C0-\u024F][\w'’.-]+ ){1,3}[A-Z\u00C0-\u024F][\w'’.-]+, (?:the )?$")


def _describes_unknown_name(shadow, phrase, phrases) -> bool:
    """'Latvia's foreign minister, Krišjānis Kariņš', 'Former US Secretary of State and National
    Security Advisor, 99-year-old Henry Kissinger', 'Natalia Galibarenko, Ukraine's ambassador to
    NATO': the descriptions of a name the dictionary lacks."""
    if _UNKNOWN_NAME_AFTER.match(shadow.text[phrase.end:]):
        return True
    if _UNKNOWN_NAME_BEFORE.search(shadow.text[:phrase.start]):
        return True
    joined = next((p for p in phrases if shadow.text[phrase.end:p.start] == " and "), None)
    return joined is not None and _describes_unknown_name(shadow, joined, phrases)


def role_mentions(shadow, phrases, sentence: Sentence, index: ActorIndex, date, found, named=()) -> list[Mention]:
    """A role description stands for the person named beside it, or else for whoever held the
    role that day ('the Nato chief' in June 2023 is Stoltenberg); one that names no state or
    organisation ('The prime minister said …') for the person the article last named who held
    that role that day. `named` are the people the article has named so far, in order."""
    extra = []
    for phrase in phrases:
        start, end = shadow.span(phrase, sentence.start)
        if any(m.is_person and m.start < end and start < m.end for m in found):
            continue
        person = apposed_person(shadow, phrase, phrases)
        if person is None and _describes_unknown_name(shadow, phrase, phrases):
            continue  # 'Latvia's foreign minister, Krišjānis Kariņš': a name the dictionary lacks, not the day's holder
        if person is None:
            held = _named_holder(phrase, index, date, named)
            person = held if (phrase.former or phrase.incoming) and held else None if phrase.incoming \
                else resolve_role(phrase, index, date)[0] or held
        if person:
            extra.append(Mention(start, end, person, "role", sentence.text[start - sentence.start:end - sentence.start], True))
    return extra


def _named_holder(phrase, index: ActorIndex, date, named) -> str | None:
    """The person the article last named who held the role that day, for a description that
    names no state or organisation ('The prime minister said …'); for a former office, the one
    named who had left it ('Boris Johnson … the former British prime minister said'), before
    the dictionary's last holder is tried; for an incoming one, the one named who took it up later."""
    if phrase.role is None or date is None or not (phrase.former or phrase.incoming) \
            and (phrase.of is not None or phrase.indefinite):
        return None

    def fits(role) -> bool:
        if role.role != phrase.role:
            return False
        if phrase.incoming:  # 'the newly elected President of Poland': the one who takes it up later
            return (phrase.of is None or role.of == phrase.of) and role.start is not None and role.start > date
        if phrase.former:
            return (phrase.of is None or role.of == phrase.of) and role.end is not None and role.end <= date
        return role.held_on(date)

    return next((person for person in reversed(named)
                 if (entry := index.entry(person)) and any(fits(role) for role in entry.roles)), None)


# 'These are Denmark, Spain and …', 'Among the countries named are …', 'They include …': a sentence
# that names the members of a group its neighbour counts ('10 countries have joined …').
_LISTING = re.compile(r"^\W*(?:(?:these|they|those) (?:are|were|include|included)|among (?:them|those|the (?:\w+ )?"
                      r"(?:countries|states|nations|members|allies)(?: named| listed)?) (?:are|were)|the (?:countries|states)"
                      r" (?:are|were|include))\b", re.IGNORECASE)


def listed_beside(sentences: list[Sentence], mentions: dict[int, list[Mention]], is_state) -> dict[int, tuple[str, ...]]:
    """For each sentence next to a listing sentence (a line of its own in most news bodies), the states it lists:
    'six countries' or 'the countries' there stands for them; and for a sentence that says 'these
    countries', the states the sentence before it names."""
    found: dict[int, tuple[str, ...]] = {}
    for i, sentence in enumerate(sentences):
        if not _LISTING.search(sentence.text):
            continue
        members = tuple(dict.fromkeys(m.actor for m in mentions.get(sentence.index, ()) if is_state(m.actor)))
        if len(members) < 2:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(sentences):
                found.setdefault(sentences[j].index, members)
    for i, sentence in enumerate(sentences[1:], start=1):  # 'Montenegro signed it, after the Czech Republic and Belgium. These countries …'
        before = sentences[i - 1]
        if sentence.index in found or before.paragraph != sentence.paragraph or not _TAKING_UP.search(sentence.text):
            continue
        members = tuple(dict.fromkeys(m.actor for m in mentions.get(before.index, ()) if is_state(m.actor)))
        if len(members) >= 2:
            found[sentence.index] = members
    return found


# A demonstrative plural takes up the states the sentence before names.
_TAKING_UP = re.compile(r"\b(?:these|those) (?:countries|states|nations)\b", re.IGNORECASE)


# Outlets and programmes report positions; the real gold never lists them as actors.
_OUTLET = re.compile(
    r"\b(?:Journal|Times|Post|News|Newsweek|Reuters|Politico|Bloomberg|Axios|Agency|Press|Herald|Gazette|Telegraph|"
    r"Guardian|Tribune|Independent|Inquirer|Chronicle|Observer|Economist|Monde|Figaro|Spiegel|Welt|Bild|Handelsblatt|"
    r"Kommersant|Izvestia|Interfax|TASS|RIA|Ukrinform|Novyny|Pravda|Liberty|Radio|TV|CNN|BBC|NBC|CBS|ABC|Fox|Sky|AFP|"
    r"DPA|AP|RFE|LRT|BNS|LETA|Delfi|ERR|Yle|ZDF|ARD|UNN|RBC|Euronews)\b")


def reported_by_outlet(name: str) -> bool:
    """'The Wall Street Journal', 'Radio Liberty', 'NBC News' Meet the Press': a source, not an actor."""
    return bool(_OUTLET.search(name)) or name.lower().startswith("meet the press")


def ner_noise(name: str) -> bool:
    """What the statistical tagger calls a name but is none: dates and numbers ('Vilnius
    12.07.2023'), a hyphenated adjective ('Euro-Atlantic'), an event or a document ('the
    Vilnius Summit', 'Bill No'), a state's armed forces named by their common noun."""
    return any(ch.isdigit() for ch in name) or bool(re.fullmatch(r"[A-Z][a-z]+-[A-Z][a-z]+", name)) \
        or bool(_NOT_AN_ACTOR.search(name.strip()))


_NOT_AN_ACTOR = re.compile(r"\b(?:Summit|Conference|Forum|Declaration|Treaty|Memorandum|Communiqu[eé])$|^(?:Bill|Law|Resolution) No\b"
                           r"|^(?:the )?Armed Forces$", re.IGNORECASE)


_MINISTRY = re.compile(r"^(?:the\s+)?(?:Ministry|Department|Office)\b|\b(?:Ministry|Office|Department)$", re.IGNORECASE)


def a_ministry(name: str) -> bool:
    """'Ukraine's Ministry of Foreign Affairs', 'the Foreign Ministry': part of a state's
    government, which speaks as the state ('the ministry said' resolves to it), or a post in a
    title ('the head of Ukraine's Ministry of Foreign Affairs'), never an actor of its own."""
    return bool(_MINISTRY.search(name.strip()))


def renamed_legislatures(found: list[Mention], sentence: Sentence, index: ActorIndex) -> list[Mention]:
    """'The Latvian parliament, the Seimas, has approved …', "Latvia's Seimas", 'the Seimas of
    Latvia': translations give Latvia's Saeima the name of Lithuania's parliament; a parliament
    named again in apposition, or named with another state, is that state's own."""
    ordered = sorted(found, key=lambda m: m.start)
    own = {state: parliament for parliament, state in index.legislatures.items()}
    for at, mention in enumerate(ordered):
        if mention.actor not in index.legislatures:
            continue
        before, after = (ordered[at - 1] if at else None), (ordered[at + 1] if at + 1 < len(ordered) else None)
        if before is not None and before.actor in index.legislatures and _between(sentence, before, mention, r",\s*"):
            ordered[at] = dataclasses.replace(mention, actor=before.actor)
        elif before is not None and before.actor in own and _between(sentence, before, mention, r"(?:['’]s)?\s"):
            ordered[at] = dataclasses.replace(mention, actor=own[before.actor])
        elif after is not None and after.actor in own and _between(sentence, mention, after, r"\s+of\s+"):
            ordered[at] = dataclasses.replace(mention, actor=own[after.actor])
    return ordered


def _between(sentence: Sentence, first: Mention, second: Mention, pattern: str) -> bool:
    return re.fullmatch(pattern, sentence.text[first.end - sentence.start:second.start - sentence.start]) is not None
