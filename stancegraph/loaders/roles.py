"""Role descriptions and the relations that titles, appositions and 'adviser to' phrases state.

Works on a shadow of the sentence in which every actor mention is replaced by a slot
(⟨P3⟩ for a person, ⟨C5⟩ for a state, organisation or group), so that one regular
expression covers 'the Ukrainian president, Volodymyr Zelenskiy', 'US ambassador to Nato
Julianne Smith' and 'Jens Stoltenberg, the Nato secretary general' alike."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Evidence, Relation
from ..ontology import load_actor_data
from .actors import ActorIndex, Mention


@dataclass(frozen=True)
class RolePhrase:
    start: int  # offsets into the shadow string
    end: int
    role: str | None  # role key, or None for a generic head noun ('chief', 'leader')
    of: str | None  # actor id of the organisation or state
    former: bool
    indefinite: bool = False  # 'a government spokesperson' is one of several, not the one
    its: bool = False  # 'its foreign minister': of the state named just before
    incoming: bool = False  # 'the newly elected President of Poland': not the holder of the day
    sender: str | None = None  # an envoy's state, where the host is named too ('Ukraine's ambassador to NATO')


@dataclass(frozen=True)
class Shadow:
    text: str
    slots: list[Mention]
    origin: list[int]  # shadow offset -> sentence offset (len(text)+1 entries)

    def slot(self, number: str) -> Mention:
        return self.slots[int(number)]

    def span(self, phrase: RolePhrase, offset: int) -> tuple[int, int]:
        """A role phrase's start and end in the article text (`offset`: the sentence's start)."""
        return offset + self.origin[phrase.start], offset + self.origin[phrase.end - 1] + 1


def make_shadow(sentence: str, offset: int, mentions: list[Mention]) -> Shadow:
    parts, origin, slots = [], [], []
    cursor = 0
    for mention in sorted(mentions, key=lambda m: m.start):
        start, end = mention.start - offset, mention.end - offset
        if start < cursor:
            continue
        parts.append(sentence[cursor:start])
        origin.extend(range(cursor, start))
        kind = "P" if mention.is_person else "C"
        token = f"⟨{kind}{len(slots)}⟩"
        slots.append(mention)
        parts.append(token)
        origin.extend([start] * (len(token) - 1) + [end - 1])  # a span ending on the slot ends with the mention
        cursor = end
    parts.append(sentence[cursor:])
    origin.extend(range(cursor, len(sentence) + 1))
    return Shadow("".join(parts), slots, origin)


# a party or leaning between the state and the title
_LEANINGS = (r"(?:(?:[Cc]onservative|[Ll]iberal|[Ss]ocialist|[Ss]ocial[- ][Dd]emocratic|[Cc]hristian[- ][Dd]emocratic|"
             r"[Cc]entrist|[Pp]opulist|[Nn]ationalist|[Ll]abou?r|[Gg]reen|[Cc]ent(?:re|er)-(?:[Rr]ight|[Ll]eft)|"
             r"[Ff]ar-[Rr]ight|[Pp]ro-(?:Russian|Western|European|Kremlin)|[Ee]urosceptic))")


@lru_cache(maxsize=4)
def role_regex(path: str | None = None) -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    data = load_actor_data(path)
    nouns: dict[str, str] = {}
    for role, info in data.get("roles", {}).items():
        if role.startswith("_"):
            continue
        for noun in info.get("nouns", ()):
            nouns.setdefault(noun.lower(), role)
    for noun in data.get("generic_head_nouns", ()):
        nouns.setdefault(noun.lower(), "")
    words = {k: v for k, v in data.get("role_words", {}).items() if not k.startswith("_")}
    noun_alt = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    word_alt = "|".join(re.escape(w) for w in words) or "(?!)"
    field_alt = "|".join(re.escape(f) for f in sorted(role_fields(path), key=len, reverse=True)) or "(?!)"
    pattern = re.compile(
        r"(?:\b(?P<det>[Tt]he|[Aa]|[Hh]is|[Hh]er|[Ii]ts) )?"
        r"(?P<mod>\b(?:[Ff]ormer|[Ee]x-|[Tt]hen-|[Tt]hen|[Cc]urrent|[Oo]utgoing|[Ii]ncoming|[Nn]ewly[- ]elected|[Nn]ew|"
        r"[Aa]cting|[Ss]itting) ?)?"
        r"(?:⟨C(?P<c1>\d+)⟩(?:['’]s)? |\b(?P<w1>" + word_alt + r") )?"
        r"(?P<mod2>\b(?:[Ff]ormer|[Cc]urrent|[Oo]utgoing|[Ii]ncoming|[Nn]ewly[- ]elected|[Nn]ew|[Aa]cting|[Ss]itting|"
        r"[Cc]aretaker|[Ii]nterim) )?"  # 'Germany's new chancellor'

        r"(?:\b(?:[Tt]op|[Ss]enior|[Cc]hief|[Pp]ermanent|[Oo]fficial|[Ss]pecial) )*"
        r"(?:\b(?:[Ff]oreign|[Dd]efen[cs]e) (?:[Mm]inistry|[Oo]ffice) (?=[Ss]pokes))?"  # 'Chinese Foreign Ministry Spokesperson …'
        r"(?:\b(?P<leaning>" + _LEANINGS + r") )?"  # 'Swedish Conservative Prime Minister Ulf Kristersson'
        r"\b(?P<noun>(?i:" + noun_alt + r"))\b(?!-)"  # not 'chancellor-in-waiting'
        r"(?: (?:to|of|at|for|in) (?:the )?(?:⟨C(?P<c2>\d+)⟩(?:(?:['’]s)? (?P<field>(?i:" + field_alt + r"))\b)?"
        r"|(?P<field2>(?i:" + field_alt + r")) of (?:the )?⟨C(?P<c3>\d+)⟩|(?P<w2>" + word_alt + r")\b))?"
    )
    return pattern, nouns, words


def role_fields(path: str | None = None) -> dict[str, str]:
    """Fields a generic head noun may head instead of a body ('the head of Lithuania's diplomacy')."""
    return {k.lower(): v for k, v in load_actor_data(path).get("role_fields", {}).items() if not k.startswith("_")}


# 'a government spokesperson', 'an unnamed senior minister': up to two words the role pattern
# does not know between the article and the role noun, none of them a preposition or another
# determiner ('after a meeting with Nato chief …' is definite).
_INDEFINITE_BEFORE = re.compile(
    r"\b[Aa]n? (?:(?!(?:with|of|to|for|at|in|on|by|from|and|or|the|his|her|its|their)\b)[\w'’-]+ ){0,2}$")


_SENT_TO = re.compile(r" to (?:the )?⟨C(\d+)⟩")
_NOT_YET = re.compile(r"\b(?:next|future|would-be)\s", re.IGNORECASE)
_NOT_YET_BEFORE = re.compile(r"\b(?:next|future|would-be)\s+$", re.IGNORECASE)
# 'becoming the first Portuguese leader to hold the position': a kind of person, not an office's holder
_RANKED_BEFORE = re.compile(r"\b(?:first|second|third|only|last|youngest|oldest)\s+$", re.IGNORECASE)
_SUBORDINATE_BEFORE = re.compile(r"\b(?:deputy|assistant|vice|under)[\s-]+$", re.IGNORECASE)


def role_phrases(shadow: Shadow, index: ActorIndex) -> list[RolePhrase]:
    pattern, nouns, words = role_regex()
    found = []
    at = 0
    while (match := pattern.search(shadow.text, at)) is not None:
        at = max(match.end(), at + 1)
        if match.group("leaning") and match.group("noun").lower() == "leader":
            continue  # 'UK Labour leader Keir Starmer' leads a party, not the state
        of = _org(match, shadow, index, words)
        envoy = nouns[match.group("noun").lower()] == "ambassador"
        sent_to = _SENT_TO.match(shadow.text, match.end()) if envoy else None
        sender = shadow.slot(match.group("c1")).actor if envoy and match.group("c1") is not None \
            and (match.group("c2") or match.group("c3")) is not None else None
        if sent_to:  # 'the Ambassador of Ukraine to the North Atlantic Alliance': where the envoy is sent
            sender, of = of, shadow.slot(sent_to.group(1)).actor
        field = match.group("field") or match.group("field2")
        role = nouns[match.group("noun").lower()] or (role_fields()[field.lower()] if field else None)
        mod = (match.group("mod") or match.group("mod2") or "").strip().lower()
        former = mod in ("former", "ex-", "then-", "then")
        if of is None and role is None:
            continue  # 'the chief' with no organisation says too little
        if _OFFICE_AFTER.match(shadow.text, match.end()) or _CHOSEN_BEFORE.search(shadow.text[:match.start()]):
            continue  # 'his candidacy for the NATO Secretary General position', 'to elect the NATO chief': the office
        if _demonym_modifying(match, shadow):
            demonym = shadow.text.rfind("⟨", 0, match.start("c2"))
            if _TITLED_NAME.match(shadow.text, demonym):  # it opens the next title ('spokesman of Russian President …')
                at = demonym  # (not 'the head of the Ukrainian President's Office', which names no one)
            continue  # 'the leader of the French far-right National Rally party' leads the party, not France
        if _RANKED_BEFORE.search(shadow.text[:match.start()]) or _SUBORDINATE_BEFORE.search(shadow.text[:match.start()]):
            continue  # 'the first Portuguese leader to …', 'Deputy Assistant Secretary General': not the office's holder
        if _NOT_YET.search(shadow.text, match.start(), match.end()) or _NOT_YET_BEFORE.search(shadow.text[:match.start()]):
            continue  # 'to become the next NATO Secretary General': nobody holds that yet ('next month, UK
            # Foreign Secretary …' still names the holder)
        indefinite = (match.group("det") or "").lower() == "a" or bool(_INDEFINITE_BEFORE.search(shadow.text, 0, match.start()))
        its = (match.group("det") or "").lower() == "its" and of is None
        found.append(RolePhrase(match.start(), match.end(), role, of, former, indefinite, its,
                                mod in ("incoming", "newly elected", "newly-elected"), sender))
    return found


# the office itself, or whoever will be chosen for it, not the holder of the day
_OFFICE_AFTER = re.compile(r" (?:position|post|job|seat|race|candidacy|candidate)\b", re.IGNORECASE)
_CHOSEN_BEFORE = re.compile(r"\b(?:elect|elects|electing|choose|chooses|choosing|appoint|appointing|pick|picking)"
                            r"\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:new\s+|next\s+)?$", re.IGNORECASE)
_NEXT_WORD = re.compile(r" (?!(?:and|or|but|who|which|that|said|says|is|was|has|had|[Rr]epublic|[Ff]ederation|"
                        r"[Gg]overnment|[Pp]eople|[Nn]ation|[Ss]tate|[Ss]ide)\b)[A-Za-z]")


_TITLED_NAME = re.compile(r"⟨C\d+⟩ (?:[A-Z][\w-]* ){1,3}⟨P\d+⟩")


def _demonym_modifying(match: re.Match[str], shadow: Shadow) -> bool:
    """'of the French far-right party': the demonym after the role is an adjective of the
    noun that follows it, so the role is not the state's."""
    slot = match.group("c2")
    return bool(slot) and not match.group("field") and shadow.slot(slot).kind == "demonym" \
        and not shadow.slot(slot).text.endswith("s") and bool(_NEXT_WORD.match(shadow.text, match.end()))


def _org(match: re.Match[str], shadow: Shadow, index: ActorIndex, words: dict[str, str]) -> str | None:
    for group in ("c2", "c3", "c1"):
        if match.group(group) is not None:
            return shadow.slot(match.group(group)).actor
    for group in ("w2", "w1"):
        if match.group(group):
            entry = index.lookup(words[match.group(group)])
            return entry.id if entry else None
    return None


def resolve_role(phrase: RolePhrase, index: ActorIndex, date: str | None) -> tuple[str | None, str | None]:
    """(person holding the role at the date, role key) — a generic 'chief' tries head roles;
    an indefinite description ('a spokesperson') names nobody in particular."""
    if phrase.indefinite:
        return None, phrase.role
    roles = [phrase.role] if phrase.role else list(load_actor_data().get("head_role_order", ()))
    for role in roles:
        person = index.holder(role, phrase.of, date, phrase.former, phrase.sender)
        if person:
            return person, role
    return None, phrase.role


# the person after the title, past a portfolio ('Secretary of State for Foreign, Commonwealth and
# Development Affairs David Lammy', 'Minister for Europe Jane Doe')
_APPOSED_AFTER = re.compile(r"^(?: for [A-Z][\w-]*(?:,? (?:and |& )?[A-Z][\w-]*)*)?(?: of ⟨C\d+⟩)?(?: \([^()]{1,40}\))?,? ?"
                            r"(?:and (?:⟨C\d+⟩ )?(?:[A-Z][\w-]* ){1,4}(?:(?:to|of|for) ⟨C\d+⟩ )?)?"  # '… and U.S. Special Envoy to Ukraine ⟨P⟩'
                            r"(?:(?:Sir|Dame|Lord|Lady|Baroness|Baron|Mr|Ms|Mrs|Dr|Madam)\.? )?⟨P(\d+)⟩")  # '… of ⟨C⟩ ⟨P⟩', '… (Ukrainian Parliament), ⟨P⟩'
_OF_AFTER_NAME = re.compile(r"^,? ?⟨P\d+⟩ of (?:the )?⟨C(\d+)⟩")
_APPOSED_BEFORE = re.compile(r"⟨P(\d+)⟩,? (?:who (?:is|was|has been|had been|served as|serves as|is now|was then|"
                             r"became|took over as|was appointed|was named|was elected) )?(?:also |now )?$")
_ADVISER = re.compile(
    r"⟨P(?P<adv>\d+)⟩,?(?: who[^⟨]{0,60}?)? (?:(?:an?|the|official|senior|chief|top|special|key|close|long-time|longtime|national|security|foreign-policy|military|informal) )*"
    r"advis[eo]r (?:to|of) (?P<target>.{0,120})"
)


_ADVISER_WORDS = r"(?:(?:official|senior|chief|top|special|key|close|long-time|longtime|national|security|foreign-policy|military|foreign|affairs|policy) )*"
_ADVISER_OF = re.compile(r"⟨P(?P<boss>\d+)⟩['’]s " + _ADVISER_WORDS + r"advis[eo]r,? ⟨P(?P<adv>\d+)⟩")
# 'Jake Sullivan, President Joe Biden's national security adviser'
_ADVISER_OF_AFTER = re.compile(r"⟨P(?P<adv>\d+)⟩, (?:[A-Z][a-z]+ )?⟨P(?P<boss>\d+)⟩['’]s " + _ADVISER_WORDS + r"advis[eo]r\b")


# 'Russian leader Vladimir Putin', 'the leader of the party': leads, whatever office the person holds
_LEADER = re.compile(r"\bleader\b", re.IGNORECASE)


def relations_in(shadow: Shadow, phrases: list[RolePhrase], index: ActorIndex,
                 evidence: Evidence, date: str | None, earlier_state: str | None = None) -> list[Relation]:
    """Relations the sentence states; `earlier_state` is the state last named before it, which
    'its foreign minister' refers to."""
    found: list[Relation] = []
    for phrase in phrases:
        person = apposed_person(shadow, phrase, phrases)
        if person is None:
            continue
        if phrase.its:
            phrase = dataclasses.replace(phrase, of=_state_before(phrase, shadow, index) or earlier_state)
        named_after = _OF_AFTER_NAME.match(shadow.text[phrase.end:]) if phrase.of is None else None
        if named_after:  # 'Prime Minister Robert Fico of Slovakia'
            phrase = dataclasses.replace(phrase, of=shadow.slot(named_after.group(1)).actor)
        if phrase.of is None:  # 'Secretary General Jens Stoltenberg said at the NATO summit …'
            phrase = _with_own_organisation(phrase, person, index, date)
            if phrase is None or not _named_organisation(phrase.of, shadow, index):
                continue  # 'President Putin', 'President Zelensky … in Kyiv': the text does not say of what
        leader = _LEADER.search(shadow.text[phrase.start:phrase.end]) and phrase.role is None
        predicate = ("former_head_of" if phrase.former else "leads") if leader else _predicate_for(phrase, person, index, date)
        if _held_by_another(phrase, person, index, date):
            continue  # 'the press secretary of the Russian President Dmitry Peskov', 'Russia's incoming president'
        if predicate == "advises" and _type_of(phrase.of, index) != "Person":
            continue  # 'US National Security Adviser Jake Sullivan': advises needs a named advisee
        if index.roles.get(phrase.role or "", {}).get("organisation_only") and _type_of(phrase.of, index) == "State":
            continue  # 'Ukrainian Parliament Speaker Ruslan Stefanchuk' heads the parliament, not Ukraine
        if predicate == "president_of" and _type_of(phrase.of, index) not in (None, "State"):
            predicate = "head_of"  # 'President of the European Council Antonio Costa': a state has a president_of
        if predicate:
            found.append(Relation(person, predicate, phrase.of or "", evidence, 0.9, date, f"title:{predicate}"))
    for match in _ADVISER.finditer(shadow.text):
        target = _target(match.group("target"), match.start("target"), shadow, phrases, index, date)
        adviser = shadow.slot(match.group("adv")).actor
        if target and target != adviser:
            found.append(Relation(adviser, "advises", target, evidence, 0.85, date, "apposition:adviser"))
    for match in (*_ADVISER_OF.finditer(shadow.text), *_ADVISER_OF_AFTER.finditer(shadow.text)):
        boss, adviser = shadow.slot(match.group("boss")).actor, shadow.slot(match.group("adv")).actor
        if boss != adviser:
            found.append(Relation(adviser, "advises", boss, evidence, 0.85, date, "possessive:adviser"))
    return found


def _held_by_another(phrase: RolePhrase, person: str, index: ActorIndex, date: str | None) -> bool:
    """The dictionary knows someone else held the office that day: the name beside the title is
    not its holder (a title inside another's, or one not yet taken up)."""
    if phrase.former or phrase.role is None or phrase.of is None or index.entry(person) is None:
        return False  # of a person it does not know, the dictionary cannot say the title is not theirs
    entry = index.entry(person)
    if date is not None and any(r.role == phrase.role and r.of == phrase.of and r.held_on(date) for r in entry.roles):
        return False  # an office several hold at once ('Foreign Ministry spokeswoman Maria Zakharova')
    holder = index.holder(phrase.role, phrase.of, date, False)
    return holder is not None and holder != person


def _type_of(actor: str | None, index: ActorIndex) -> str | None:
    entry = index.entry(actor) if actor else None
    return entry.type if entry else None


def _state_before(phrase: RolePhrase, shadow: Shadow, index: ActorIndex) -> str | None:
    """The last state the sentence names before a phrase ('Hungary blocked it; its foreign minister …')."""
    states = [m.actor for m, start in zip(shadow.slots, _slot_starts(shadow)) if start < phrase.start
              and (entry := index.entry(m.actor)) is not None and entry.type == "State"]
    return states[-1] if states else None


def _slot_starts(shadow: Shadow) -> list[int]:
    return [m.start() for m in re.finditer(r"⟨[PC]\d+⟩", shadow.text)]


def _named_organisation(body: str | None, shadow: Shadow, index: ActorIndex) -> bool:
    """An organisation's title needs no 'of' when the sentence names the organisation ('Secretary
    General Jens Stoltenberg said at the NATO summit'); a state's does ('President Zelensky' alone
    gives no president_of, even in a sentence about Ukraine)."""
    entry = index.entry(body) if body else None
    return entry is not None and entry.type == "Organization" and any(m.actor == body for m in shadow.slots)


def _with_own_organisation(phrase: RolePhrase, person: str, index: ActorIndex, date: str | None) -> RolePhrase | None:
    if index.predicate(phrase.role or "", False) == "advises":
        return None  # 'national security adviser to Joe Biden' names whom, not an organisation
    entry = index.entry(person)
    held = [r for r in (entry.roles if entry else ()) if r.role == phrase.role and (date is None or r.held_on(date))]
    return RolePhrase(phrase.start, phrase.end, phrase.role, held[0].of, phrase.former) if held else None


def apposed_person(shadow: Shadow, phrase: RolePhrase, phrases: list[RolePhrase] = ()) -> str | None:
    """The person a role description stands beside; a second description joined by 'and' to one
    that does ('Rasmussen, the former Secretary General of NATO and ex-Prime Minister of
    Denmark') describes the same person."""
    after = _APPOSED_AFTER.match(shadow.text[phrase.end:])
    if after:
        return shadow.slot(after.group(1)).actor
    before = _APPOSED_BEFORE.search(shadow.text[:phrase.start])
    if before:
        return shadow.slot(before.group(1)).actor
    first = next((p for p in phrases if shadow.text[p.end:phrase.start] == " and "), None)
    return apposed_person(shadow, first) if first is not None else None


def _predicate_for(phrase: RolePhrase, person: str, index: ActorIndex, date: str | None) -> str | None:
    role = phrase.role
    if role is None:  # a generic head noun: the role the dictionary gives this person there
        entry = index.entry(person)
        held = [r for r in (entry.roles if entry else ()) if r.of == phrase.of]
        role = held[0].role if held else None
        if role is None:
            return "former_head_of" if phrase.former else "head_of"
    return index.predicate(role, phrase.former)


def _target(rest: str, base: int, shadow: Shadow, phrases: list[RolePhrase],
            index: ActorIndex, date: str | None) -> str | None:
    for phrase in phrases:
        if base <= phrase.start <= base + 4:  # 'adviser to the Ukrainian president'
            apposed = _APPOSED_AFTER.match(shadow.text[phrase.end:])
            if apposed:
                return shadow.slot(apposed.group(1)).actor
            return resolve_role(phrase, index, date)[0]
    direct = re.match(r"(?:the )?⟨[PC](\d+)⟩", rest)
    return shadow.slot(direct.group(1)).actor if direct else None


# 'his Czech counterpart Petr Pavel', 'his Russian counterpart, Vladimir Putin', 'Mette Frederiksen,
# his counterpart from Denmark': the named person holds, in the named state, the office the text
# gave the owner of 'his'
_COUNTERPART = re.compile(r"\b(?:[Hh]is|[Hh]er) ⟨C(?P<state>\d+)⟩ counterpart,? ⟨P(?P<person>\d+)⟩"
                          r"|\b(?:[Hh]is|[Hh]er) counterpart (?:from|of|in) (?:the )?⟨C(?P<state2>\d+)⟩,? ⟨P(?P<person2>\d+)⟩"
                          r"|⟨P(?P<person3>\d+)⟩,? (?:[Hh]is|[Hh]er) counterpart (?:from|of|in) (?:the )?⟨C(?P<state3>\d+)⟩")
_OFFICES_WITH_COUNTERPARTS = ("president_of", "prime_minister_of", "minister_of")


def counterpart_relations(shadow: Shadow, phrases: list[RolePhrase], index: ActorIndex, evidence: Evidence,
                          date: str | None, stated: list[Relation]) -> list[Relation]:
    """`stated` are the relations the article has stated so far: the owner's office must be one of
    them or a title in this sentence, never only the dictionary's knowledge."""
    found = []
    for match in _COUNTERPART.finditer(shadow.text):
        state = shadow.slot(match.group("state") or match.group("state2") or match.group("state3")).actor
        person = shadow.slot(match.group("person") or match.group("person2") or match.group("person3")).actor
        office = _owner_office(shadow, phrases, index, match.start(), stated)
        if office and _type_of(state, index) == "State" and person != state:
            found.append(Relation(person, office, state, evidence, 0.85, date, f"counterpart:{office}"))
    return found


def _owner_office(shadow: Shadow, phrases: list[RolePhrase], index: ActorIndex, before: int,
                  stated: list[Relation]) -> str | None:
    """The office of the nearest person or title before 'his': 'the Turkish president … his Russian
    counterpart', 'Zelensky … with his Czech counterpart'."""
    people = [(start, m.actor) for m, start in zip(shadow.slots, _slot_starts(shadow)) if m.is_person and start < before]
    titles = [(p.start, p) for p in phrases if p.end <= before and p.role]
    if titles and (not people or titles[-1][0] > people[-1][0]):
        office = index.predicate(titles[-1][1].role or "", False)
        return office if office in _OFFICES_WITH_COUNTERPARTS else None
    if not people:
        return None
    owner = people[-1][1]
    offices = [r.predicate for r in stated if r.subject == owner and r.predicate in _OFFICES_WITH_COUNTERPARTS]
    return offices[-1] if offices else None
