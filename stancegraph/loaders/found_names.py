"""Names the dictionary lacks: people and organisations found by spaCy's NER, and the
surnames by which the article names those people again.

Every sentence is searched, not only those parsed for stances: an article often names
someone in full once where no topic is cued ('The bill's author is Speaker Andriy Parubiy')
and by surname where a position is ('Parubiy stressed that …'). NER's own network needs no
parse, so the sentences left unparsed cost only the recogniser."""

from __future__ import annotations

import dataclasses
import difflib
import re

from spacy.tokens import Span

from ..model import Actor, Evidence, actor_id
from .actors import ActorIndex, Mention, fold, one_edit_apart, qualified
from .article_state import ArticleState
from .mentions import a_ministry, ner_noise, reported_by_outlet, same_given_name, surname_mentions
from .roles import make_shadow, relations_in, role_phrases, role_regex
from .segment import Sentence

# what the recogniser needs; the rest of the pipeline is the parse
NER_ONLY_SKIPS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "stancegraph_lemma_fixes")


# a name right after the kind of medium it is ('the Russian weekly magazine Argumenty i Fakty')
_MEDIUM_BEFORE = re.compile(r"\b(?:newspaper|magazine|weekly|daily|outlet|broadcaster|tabloid|channel|agency|portal|"
                            r"website|publication|programme|program|podcast|show)\s+$", re.IGNORECASE)


# a department, title or occupation word the recogniser takes into a name before two more
# ('Defense Guido Crosetto', a sentence's 'Comedian Christopher Titus')
_LEADING_TITLE = re.compile(r"(?:(?:Defen[cs]e|Foreign|Interior|Finance|Justice|Economy|Deputy|Minister|Secretary|"
                            r"President|Chancellor|Premier|Senator|Speaker|Envoy|Ambassador|General|Admiral|Spokes(?:man|woman|person)|"
                            r"Comedian|Actor|Actress|Journalist|Commentator|Columnist|Host|Anchor|Analyst|Historian|Economist|"
                            r"Businessman|Businesswoman|Billionaire|Entrepreneur|Author|Writer|Singer|Rapper|Pundit|Activist|Blogger) )+"
                            r"(?=[A-Z][\w'’-]+ [A-Z])")
_INSTITUTION_WORD = re.compile(r"\b(?:Agency|Ministry|Council|Committee|Department|Office|Forces?|Command|Staff|Service|"
                               r"Bureau|Institute|Party|Union|Alliance|Group|Court|Assembly|Parliament|Commission)\b")
# the rest of a title the tagger takes for a body ('Assistant Secretary of State for European Affairs')
_TITLE_BEFORE = re.compile(r"\b(?:Secretary|Minister|Commissioner|Representative|Envoy)\s+(?:of|for)\s+$", re.IGNORECASE)
# a name right before the kind of medium it is ('the Ekho Moskvy radio station', 'the Kommersant daily')
_MEDIUM_AFTER = re.compile(r"^\s+(?:radio(?: station)?|(?:tv|television) (?:channel|station)|newspaper|daily|weekly|magazine|"
                           r"news agency|news outlet|website|tabloid|broadcaster)\b", re.IGNORECASE)


# a lower-case kind after a name describes it ('the National Rally party', 'the Batkivshchyna party')
_DESCRIBED_AS = re.compile(r" (?:party|movement|bloc|alliance)$")
_POST_NOMINAL = re.compile(r",? (?:MEP|MP|MdB)$")
_HONORIFIC = re.compile(r"(?:Dear |(?:Mr|Ms|Mrs|Dr|Madam|Mx)\.? )(?=[A-Z])")


def add_ner_actors(state: ArticleState, sentence: Sentence, doc, index: ActorIndex) -> bool:
    """Whether NER found a person or organisation of two words or more that no mention covers."""
    mentions = state.mentions[sentence.index]
    added = False
    for ent in (_given_name_split_off(e, index.lookup) for e in doc.ents):
        # a lower-case 'the …' is too often a description ('the presidents office'); a capital one
        # opens a sentence ('The Joint Expeditionary Force comprises …') and is not part of the name
        name = re.sub(r"^The ", "", ent.text.strip(" ("))
        words = len(ent) - (name != ent.text.strip(" ("))  # 'Smer-SD' is three tokens; 'The Kremlin' one word
        titled = _LEADING_TITLE.match(name)
        if titled and (ent.label_ == "PERSON" or not _INSTITUTION_WORD.search(name[titled.end():])):
            # "Italy's Defense Guido Crosetto" (tagged a person or a body): the title is not the name
            name, words = name[titled.end():], words - len(titled.group().split())
        honorific = _HONORIFIC.match(name)
        if honorific:  # 'Ms Viktorija Cmilyte-Nielsen'; 'Dear Madam Speaker' opens a speech, no name
            name, words = ("", 0) if honorific.group().startswith("Dear") else (name[honorific.end():], words - 1)
        described = _DESCRIBED_AS.search(name) if ent.label_ == "ORG" else _POST_NOMINAL.search(name)
        cut = len(described.group()) if described else 0  # 'the National Rally party' is National Rally, 'X MEP' is X
        name, words = name[:len(name) - cut], words - (1 if cut else 0)
        if ent.label_ not in ("PERSON", "ORG") or words < 2 or not ent.text[:1].isupper():
            continue
        # the mention keeps the described words, on which the parse may hang the phrase ('… said Michael Gahler MEP')
        start, end = sentence.start + ent.end_char - cut - len(name), sentence.start + ent.end_char
        clashing = [m for m in mentions if m.start < end and start < m.end]
        if ent.label_ == "PERSON" and clashing and not _opens_clause(sentence.text[:ent.start_char]) \
                and all(_another_bearer(m, name, index) for m in clashing):
            mentions[:] = [m for m in mentions if m not in clashing]  # 'IRI President Dan Sullivan' is not Jake Sullivan
        elif clashing or "\n" in ent.text:
            continue
        if name in index.unqualified and qualified(sentence.text[:start - sentence.start]):
            continue  # "Russia's Security Council" is not the UN's
        known = index.lookup(name) or (index.spelled_like(name) if ent.label_ == "PERSON" else None)
        title = name.lower() in role_regex()[1]  # 'Permanent Representative' taken for a body, 'Foreign Minister' for a person
        if not known and (ent.label_ == "ORG" and (reported_by_outlet(name) or a_ministry(name)) or title or ner_noise(name)
                          or _MEDIUM_BEFORE.search(sentence.text[:ent.start_char])
                          or _MEDIUM_AFTER.search(sentence.text[ent.end_char:ent.end_char + 24])
                          or _TITLE_BEFORE.search(sentence.text[:ent.start_char])):
            continue  # 'The Wall Street Journal reported …', 'the weekly Argumenty i Fakty', 'the Ekho Moskvy radio station': a source
        ident = known.id if known else actor_id(name)
        kind = "Person" if ent.label_ == "PERSON" else "Organization"
        state.new_actors.setdefault(ident, Actor(ident, name, kind))
        mentions.append(Mention(start, end, ident, "ner", sentence.text[start - sentence.start:end - sentence.start],
                                kind == "Person"))
        added = True
    for start, end, name in _names_after_a_body(state, sentence, mentions):
        ident = actor_id(name)
        state.new_actors.setdefault(ident, Actor(ident, name, "Person"))
        mentions.append(Mention(start, end, ident, "ner", name, True))
        added = True
    mentions.sort(key=lambda m: m.start)
    return added


def _another_bearer(mention: Mention, name: str, index: ActorIndex) -> bool:
    """A dictionary surname the recogniser's name gives another given name: someone else of that
    name ('IRI President Dan Sullivan'), not a misspelling ('Voldymr Zelensky') nor a title ('SecGen')."""
    entry = index.entry(mention.actor) if mention.kind == "surname" else None
    words = name.split()
    if entry is None or len(words) != 2 or words[1] != mention.text or not _GIVEN_NAME.match(words[0]):
        return False
    given, spelled = fold(entry.name.split()[0]).lower(), fold(words[0]).lower()
    return not (difflib.SequenceMatcher(None, given, spelled).ratio() >= 0.75 or one_edit_apart(given, spelled)
                or same_given_name(given, spelled))


_GIVEN_NAME = re.compile(r"^[A-Z][a-z]+$")


def _opens_clause(before: str) -> bool:
    """A capital that opens a sentence or a clause ('… to be really clear: Tell Putin …') is no given name."""
    stripped = before.rstrip(" \"“‘'")
    return not stripped or stripped[-1] in ".:;!?(["


def _given_name_split_off(ent, known):
    """'Natalia' tagged a place and 'Galibarenko' a person: a one-word place just before a
    one-word person, and no place the dictionary knows, is the person's given name."""
    if ent.label_ != "PERSON" or len(ent) != 1 or ent.start == 0:
        return ent
    given = ent.doc[ent.start - 1]
    if given.is_stop or not given.is_alpha or not given.text.istitle() or not given.whitespace_ \
            or given.ent_type_ != "GPE" or given.ent_iob_ == "I" or known(given.text):
        return ent
    return Span(ent.doc, ent.start - 1, ent.end, label="PERSON")


# two capitalised words right after a named body: 'the Chairman of the Verkhovna Rada of Ukraine Ruslan Stefanchuk'
# ('… Commission Jean-Claude Juncker': a hyphenated given name is one word)
_NAME_AFTER_BODY = re.compile(r"^ ([A-Z][a-z\u00C0-\u024F]+(?:-[A-Z][a-z\u00C0-\u024F]+)? [A-Z\u00C0-\u024F][a-z\u00C0-\u024F]+)\b(?! of\b)")
# the title whose holder the name is: 'the Prime Minister of Montenegro Dritan Abazović'
_TITLE_OF_BEFORE = re.compile(r"\b(?:President|Prime Minister|Minister(?: [A-Z]\w+)*|Chancellor|Speaker|Chairman|"
                              r"Chairwoman|Ambassador|Secretary(?: [A-Z]\w+)*) of (?:the )?$")


def _names_after_a_body(state: ArticleState, sentence: Sentence, mentions: list[Mention]) -> list[tuple[int, int, str]]:
    """A title's name the recogniser ran into the body before it (it tags 'Ukraine' and leaves
    'Ruslan Stefanchuk'): a person's when the article also uses the last word alone before a verb,
    or when a title 'of' the body comes before it ('the Prime Minister of Montenegro Dritan Abazović')."""
    found = []
    for mention in mentions:
        match = _NAME_AFTER_BODY.match(sentence.text[mention.end - sentence.start:])
        if match is None or mention.is_person:
            continue
        start = mention.end + match.start(1)
        end = start + len(match.group(1))
        titled = _TITLE_OF_BEFORE.search(sentence.text[:mention.start - sentence.start])
        if any(m.start < end and start < m.end for m in mentions) or not name_like(match.group(1)) \
                or match.group(1).lower() in role_regex()[1] \
                or not (titled or _said_alone(match.group(1).split()[-1], state.article.text)):
            continue
        found.append((start, end, match.group(1)))
    return found


_INITIAL_AND_SURNAME = re.compile(r"^([A-Z])\.\s*([A-Z]\S+)$")


def merge_initialled(state: ArticleState) -> None:
    """'K. Kariņš' beside 'Krišjānis Kariņš': the person the article names in full, by initial
    (NER often takes the initialled form for an organisation)."""
    for actor in list(state.new_actors.values()):
        match = _INITIAL_AND_SURNAME.match(actor.name)
        if match is None:
            continue
        initial, surname = match.groups()
        people = [a for a in state.new_actors.values() if a.type == "Person" and len(a.name.split()) > 1
                  and a.name.split()[-1] == surname and a.name[:1] == initial and a.id != actor.id]
        if len(people) != 1:
            continue
        _merge(state, actor.id, people[0].id, is_person=True)


def merge_name_tails(state: ArticleState) -> None:
    """'Gordan Grlić Radman' and '… said Grlić Radman': the last words of a person's name found in
    full, a surname of two words included, are that person (NER finds them in either order)."""
    for actor in list(state.new_actors.values()):
        if actor.type != "Person" or len(actor.name.split()) < 2:
            continue
        fuller = [a for a in state.new_actors.values() if a.type == "Person" and a.name.endswith(" " + actor.name)]
        if len(fuller) != 1:
            continue
        _merge(state, actor.id, fuller[0].id)


def merge_misspelled(state: ArticleState) -> None:
    """'Talat Xhaferi' and, later, 'Talat Xhafer': a found person's name spelled again with one
    letter of the surname added, dropped or changed is the person named first (a news text's
    typing error, not a second person of that given name), under the spelling that capitalises
    the surname ('Xavier betel', then 'Xavier Bettel')."""
    first_seen = {m.actor: m.start for _, found in sorted(state.mentions.items(), reverse=True) for m in reversed(found)}
    names = sorted((a for a in state.new_actors.values() if len(a.name.split()) == 2),
                   key=lambda a: first_seen.get(a.id, 1 << 60))
    for later_at, actor in enumerate(names):
        given, surname = actor.name.split()
        same = next((a for a in names[:later_at] if a.id in state.new_actors and a.name.split()[0] == given
                     and "Person" in (a.type, actor.type) and len(surname) >= 5
                     and _one_letter_apart(a.name.split()[1].lower(), surname.lower())), None)
        if same is None:
            continue
        gone, kept = (same, actor) if same.name.split()[1][:1].islower() and surname[:1].isupper() else (actor, same)
        # 'Xavier betel', then 'Xavier Bettel': the name written as a name; a person, though the
        # tagger took one of the spellings for a body
        state.new_actors[kept.id] = dataclasses.replace(kept, type="Person")
        _merge(state, gone.id, kept.id, is_person=True)


def _merge(state: ArticleState, gone: str, kept: str, **changes) -> None:
    """The found actor `gone` is `kept`: its mentions point there (with `changes`), and it goes."""
    del state.new_actors[gone]
    for found in state.mentions.values():
        found[:] = [dataclasses.replace(m, actor=kept, **changes) if m.actor == gone else m for m in found]
    state.relations[:] = [dataclasses.replace(r, subject=kept if r.subject == gone else r.subject,
                                              object=kept if r.object == gone else r.object) for r in state.relations]


def _one_letter_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i + (len(a) > len(b)):] == b[i + (len(b) > len(a)):]


def relations_again(state: ArticleState, sentence: Sentence, index: ActorIndex) -> None:
    """Titles that name someone the dictionary lacks ('The French prime minister, François
    Fillon') are linked once NER has found the name."""
    mentions = [m for m in state.mentions[sentence.index] if m.kind != "role"]
    shadow = make_shadow(sentence.text, sentence.start, mentions)
    phrases = role_phrases(shadow, index)
    evidence = Evidence(sentence.text, sentence.start, sentence.end)
    state.relations += relations_in(shadow, phrases, index, evidence, state.article.published,
                                    state.earlier_state.get(sentence.index))


# words that make a name an organisation's, whatever NER's label
ORGANISATION_WORDS = frozenset("""
    agency alliance army assembly association bank bloc board bureau centre center coalition commission committee
    company congress corporation council court duma european forum foundation front fund group guard house
    initiative institute league media ministry movement news office parliament party platform post press radio
    rada senate service solidarity times tv union united university""".split())


def name_like(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 3 and all(_name_word(part) for w in words for part in w.split("-")) \
        and not ORGANISATION_WORDS & {w.lower() for w in words}


def _name_word(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower() and word.isalpha()


def _said_alone(surname: str, text: str) -> bool:
    """The last word used on its own before a verb, as articles name a person again ('…
    Parubiy stressed'), not only inside the full name."""
    for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?=\s+[a-z])", text):
        before = re.search(r"(\S+)\s*$", text[:match.start()])
        if before is None or not before.group(1)[:1].isupper() or before.group(1)[-1] in ".!?\"”":
            return True
    return False


def holders_of_stated_titles(state: ArticleState, index: ActorIndex) -> None:
    """'… the Chairman of the Verkhovna Rada said': a title of a named body the dictionary gives
    nobody stands for the one person the article said holds it ('The Chairperson of the Verkhovna
    Rada, Ruslan Stefanchuk, …'), not for the body; a bare title ('the ambassador noted') for the
    one person an earlier sentence gave it."""
    for sentence in state.sentences:
        mentions = state.mentions.get(sentence.index, [])
        shadow = make_shadow(sentence.text, sentence.start, [m for m in mentions if m.kind != "role"])
        for phrase in role_phrases(shadow, index):
            predicate = index.predicate(phrase.role, phrase.former) if phrase.role else None
            if predicate is None or phrase.indefinite:
                continue
            start, end = shadow.span(phrase, sentence.start)
            if any(m.is_person and m.start < end and start < m.end for m in mentions):
                continue
            # 'the ambassador noted' after 'Nataliia Galibarenko, the Ambassador of Ukraine to …'
            holders = {r.subject for r in state.relations if r.predicate == predicate
                       and (r.object == phrase.of or phrase.of is None and r.evidence.start < start)}
            if len(holders) == 1:
                text = sentence.text[start - sentence.start:end - sentence.start]
                mentions.append(Mention(start, end, holders.pop(), "role", text, True))
                mentions.sort(key=lambda m: m.start)


def surnames_of_found_people(state: ArticleState, index: ActorIndex) -> None:
    """'Borys Tarasiuk, a deputy, …' then 'Tarasiuk stressed …': the surname names the person NER
    found in full, in that sentence's rest and in every later one. A name NER took for an
    organisation ('Andriy Parubiy', two name-like words, no organisation word) is a person's
    when the article opens a sentence with its last word alone."""
    merge_initialled(state)
    merge_name_tails(state)
    merge_misspelled(state)
    first_named: dict[str, tuple[int, str]] = {}  # surname -> (first sentence, actor)
    for sentence in state.sentences:
        for m in state.mentions.get(sentence.index, ()):
            words = m.text.split()
            if m.kind != "ner" or len(words) < 2 or not words[-1][:1].isupper():
                continue
            if not m.is_person and name_like(m.text) and _said_alone(words[-1], state.article.text):
                _retype_as_person(state, m.actor)
                relations_again(state, sentence, index)  # "… representative to the UN, Vassily Nebenzia": a person's title now
            if m.actor in state.new_actors and state.new_actors[m.actor].type == "Person" or m.is_person:
                first_named.setdefault(words[-1], (sentence.index, m.actor))
    for surname, (first, actor) in first_named.items():
        for sentence in state.sentences[first:]:
            found = state.mentions.setdefault(sentence.index, [])
            found += surname_mentions(sentence, {surname: actor}, found)
            found.sort(key=lambda m: m.start)


def _retype_as_person(state: ArticleState, actor: str) -> None:
    state.new_actors[actor] = dataclasses.replace(state.new_actors[actor], type="Person")
    for found in state.mentions.values():
        found[:] = [dataclasses.replace(m, is_person=True) if m.actor == actor else m for m in found]
