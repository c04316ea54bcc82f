"""The actor dictionary as a fast surface-form index, and role resolution by date."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Actor, actor_id, to_ascii
from ..ontology import load_actor_data

# Honorifics that may precede a name without changing who is meant.
TITLES = ("President", "Prime Minister", "Chancellor", "Minister", "Secretary", "General",
          "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Senator", "Ambassador")


@dataclass(frozen=True)
class Role:
    role: str
    of: str  # actor id of the state or organisation
    start: str | None
    end: str | None
    sender: str | None = None  # an envoy's own state ('of' is the host): the US's, Russia's ambassador to NATO

    def held_on(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    type: str
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()
    members: tuple[str, ...] = ()

    def actor(self, mentions: tuple[str, ...] = ()) -> Actor:
        return Actor(self.id, self.name, self.type, self.wikidata, mentions)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Mention:
    start: int  # offsets into the article text
    end: int
    actor: str
    kind: str  # name | alias | surname | demonym | metonym | role | pronoun | ner
    text: str
    is_person: bool = False


@dataclass
class ActorIndex:
    entries: dict[str, Entry] = field(default_factory=dict)
    surface: dict[str, tuple[str, str]] = field(default_factory=dict)
    roles: dict[str, dict] = field(default_factory=dict)
    role_nouns: dict[str, str] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None
    role_pattern: re.Pattern[str] | None = None
    legislatures: dict[str, str] = field(default_factory=dict)  # parliament -> its state ('legislature_of')
    unqualified: set[str] = field(default_factory=set)  # generic aliases: 'Security Council', not "Russia's …"
    _surnames: dict[str, str] | None = field(default=None, repr=False)
    _by_first_name: dict[str, list[tuple[str, str]]] | None = field(default=None, repr=False)
    _by_sound: dict[str, str] | None = field(default=None, repr=False)  # transliteration key -> person

    def entry(self, actor: str) -> Entry | None:
        return self.entries.get(actor)

    def lookup(self, name: str) -> Entry | None:
        hit = self.surface.get(name) or self.surface.get(fold(name))
        return self.entries[hit[0]] if hit else None

    def find(self, text: str, offset: int = 0) -> list[Mention]:
        """Dictionary mentions in one sentence, longest first, not overlapping."""
        assert self.pattern is not None
        found = []
        for match in self.pattern.finditer(text):
            if match.group(0) in self.unqualified and qualified(text[:match.start()]):
                continue  # "Russia's Security Council", 'the National Security Council': another body
            actor, kind = self.surface[match.group(0)]
            person = self.entries[actor].type == "Person"
            found.append(Mention(offset + match.start(), offset + match.end(), actor, kind, match.group(0), person))
        return found

    def by_surname(self, surname: str) -> str | None:
        """The one person in the dictionary with this surname, if there is exactly one."""
        if self._surnames is None:
            counts: dict[str, list[str]] = {}
            for entry in self.entries.values():
                if entry.type == "Person":
                    counts.setdefault(fold(entry.name.split()[-1]), []).append(entry.id)
            self._surnames = {name: ids[0] for name, ids in counts.items() if len(ids) == 1}
        return self._surnames.get(fold(surname))

    def spelled_like(self, name: str) -> Entry | None:
        """The one person in the dictionary whose first name or surname is one letter away from
        this name's, the other the same: a transliteration or a slip ('Annalena Berbock')."""
        words = fold(name).lower().split()
        if len(words) < 2 or len(words[-1]) < 4:
            return None
        sounding = self.sounding_like(name)
        if sounding:
            return sounding  # 'Andriy Sibiga' for 'Andrii Sybiha'
        if self._by_first_name is None:
            self._by_first_name = {}
            for entry in self.entries.values():
                parts = fold(entry.name).lower().split()
                if entry.type == "Person" and len(parts) >= 2:
                    self._by_first_name.setdefault(parts[0], []).append((parts[-1], entry.id))
        near = {ident for surname, ident in self._by_first_name.get(words[0], ())
                if one_edit_apart(surname, words[-1])}
        same_surname = self.by_surname(name.split()[-1])  # 'Emanuel Macron'
        if same_surname and one_edit_apart(fold(self.entries[same_surname].name).lower().split()[0], words[0]):
            near.add(same_surname)
        return self.entries[near.pop()] if len(near) == 1 else None

    def sounding_like(self, name: str) -> Entry | None:
        """The person whose full name, or surname where the dictionary lets it stand alone, is this
        one in another romanisation: Ukrainian and Russian spellings of one name ('Sibiga' and
        'Sybiha', 'Olga' and 'Olha', 'Zelenskiy' and 'Zelensky')."""
        if self._by_sound is None:
            keys: dict[str, set[str]] = {}
            for form, (ident, kind) in self.surface.items():
                if self.entries[ident].type == "Person" and kind in ("name", "surname"):
                    keys.setdefault(translit_key(form), set()).add(ident)
            self._by_sound = {key: next(iter(ids)) for key, ids in keys.items() if len(ids) == 1}
        key = translit_key(name)
        return self.entries[self._by_sound[key]] if len(key) >= 5 and key in self._by_sound else None

    def holder(self, role: str, of: str, date: str | None, former: bool, sender: str | None = None) -> str | None:
        """Who held (or, when former, most recently had left) a role at a date; of an envoy's
        role, the one its sender sent ('Ukraine's ambassador to NATO' is not the US's), and no
        one where envoys of several states held it and none is named."""
        if date is None:
            return None
        best: tuple[str, str] | None = None
        current: dict[str, str | None] = {}  # holder -> the state that sent them
        for entry in self.entries.values():
            for held in entry.roles:
                if held.role != role or held.of != of or sender and held.sender != sender:
                    continue
                if not former and held.held_on(date):
                    current.setdefault(entry.id, held.sender)
                if former and held.end and held.end <= date and (best is None or held.end > best[0]):
                    best = (held.end, entry.id)
        if former:
            return best[1] if best else None
        return next(iter(current)) if len(set(current.values())) == 1 else None

    def body_of(self, person: str, day: str | None) -> str | None:
        """The state or organisation a person spoke for on a day (any day when None): a role
        held then that speaks for what it is of, a head's role first."""
        entry = self.entries.get(person)
        if entry is None:
            return None
        held = [r for r in entry.roles if (day is None or r.held_on(day)) and self.roles.get(r.role, {}).get("speaks_for", True)]
        held.sort(key=lambda r: not self.roles.get(r.role, {}).get("head", False))
        return held[0].of if held else None

    def predicate(self, role: str, former: bool) -> str | None:
        info = self.roles.get(role)
        if not info:
            return None
        if former:
            return "former_head_of" if info.get("head") else None
        return info["predicate"]


def one_edit_apart(a: str, b: str) -> bool:
    """One letter inserted, dropped or changed (not equal)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    return a[i + (len(a) == len(b)):] == b[i + 1:]


# spellings that differ between romanisations of Ukrainian and Russian names, folded to one
_TRANSLIT = (("kh", "h"), ("iy", "i"), ("yi", "i"), ("ii", "i"), ("y", "i"), ("h", "g"), ("ts", "c"))


def translit_key(name: str) -> str:
    key = fold(name).lower()
    for spelling, folded in _TRANSLIT:
        key = key.replace(spelling, folded)
    return re.sub(r"(.)\1", r"\1", key)


def fold(text: str) -> str:
    """Strip diacritics: 'Orbán' -> 'Orban', 'Radosław' -> 'Radoslaw'."""
    return to_ascii(text)


@lru_cache(maxsize=4)
def actor_index(path: str | None = None) -> ActorIndex:
    data = load_actor_data(path)
    index = ActorIndex()
    index.roles = {k: v for k, v in data.get("roles", {}).items() if not k.startswith("_")}
    for kind in ("states", "organizations", "groups"):
        for item in data.get(kind, ()):
            _add_collective(index, item, {"states": "State", "organizations": "Organization", "groups": "Group"}[kind])
    _add_legislatures(index, data)
    _add_people(index, data.get("people", ()))
    index.pattern = _alternation(index.surface)
    for role, info in index.roles.items():
        for noun in info.get("nouns", ()):
            index.role_nouns.setdefault(noun.lower(), role)
    return index


def _add_collective(index: ActorIndex, item: dict, type_: str) -> None:
    ident = actor_id(item["name"], item.get("wikidata"))
    members = tuple(actor_id(m, _wikidata_of(index, m)) for m in item.get("members", ()))
    index.entries[ident] = Entry(ident, item["name"], type_, item.get("wikidata"), members=members)
    _surface(index, item["name"], ident, "name")
    for alias in item.get("aliases", ()):
        _surface(index, alias, ident, "alias")
    for demonym in item.get("demonyms", ()):
        _surface(index, demonym, ident, "demonym")
    for metonym in item.get("metonyms", ()):
        _surface(index, metonym, ident, "metonym")
    index.unqualified.update(item.get("unqualified_aliases", ()))


OWN_QUALIFIERS = {"UN", "U.N.", "United", "Nations", "The", "the"}


def qualified(before: str) -> bool:
    """The word before a generic alias names another owner: a possessive or a capitalised name."""
    words = before.split()
    if not words:
        return False
    last = words[-1]
    return last.endswith(("'s", "’s")) or last[:1].isupper() and last not in OWN_QUALIFIERS


def _add_legislatures(index: ActorIndex, data: dict) -> None:
    """'the Bulgarian parliament', "Bulgaria's Parliament", 'the Parliament of Lithuania': the
    state's legislature, where the dictionary has one, named the way news names it."""
    states = {item["name"]: item for item in data.get("states", ())}
    for item in data.get("organizations", ()):
        state = states.get(item.get("legislature_of", ""))
        if state is None:
            continue
        ident = actor_id(item["name"], item.get("wikidata"))
        index.legislatures[ident] = actor_id(state["name"], state.get("wikidata"))
        adjectives = [d for d in state.get("demonyms", ()) if not d.endswith("s")]
        for noun in ("parliament", "Parliament", "legislature", "parlt"):
            forms = (*(f"{a} {noun}" for a in adjectives), f"{state['name']}'s {noun}", f"{noun} of {state['name']}")
            for form in forms:
                _surface(index, form, ident, "alias")


def _wikidata_of(index: ActorIndex, name: str) -> str | None:
    entry = index.lookup(name)
    return entry.wikidata if entry else None


def _add_people(index: ActorIndex, people: list[dict]) -> None:
    surnames: dict[str, list[str]] = {}
    for item in people:
        ident = actor_id(item["name"], item.get("wikidata"))
        roles = tuple(
            Role(r["role"], _of_id(index, r["of"]), r.get("start"), r.get("end"),
                 _of_id(index, r["from"]) if r.get("from") else None) for r in item.get("roles", ())
        )
        index.entries[ident] = Entry(ident, item["name"], "Person", item.get("wikidata"), roles)
        for form in (item["name"], *item.get("aliases", ())):
            _surface(index, form, ident, "name")
            if item.get("surname_alone", True):
                surnames.setdefault(_surname(form), []).append(ident)
    for surname, idents in surnames.items():
        if len(set(idents)) == 1 and surname not in index.surface:
            _surface(index, surname, idents[0], "surname")


def _of_id(index: ActorIndex, name: str) -> str:
    entry = index.lookup(name)
    return entry.id if entry else actor_id(name)


def _surname(name: str) -> str:
    parts = name.split()
    particles = {"von", "van", "de", "der", "den", "le", "la", "da"}
    for i, part in enumerate(parts[:-1]):
        if part.lower() in particles and i > 0:
            return " ".join(parts[i:])
    return parts[-1]


def _surface(index: ActorIndex, form: str, ident: str, kind: str) -> None:
    variants = {form, fold(form)}
    variants |= {v.replace("'", "\u2019") for v in list(variants) if "'" in v}  # 'Latvia’s parliament'
    if form[:1].islower():
        variants |= {v[:1].upper() + v[1:] for v in list(variants)}
    for variant in variants:
        index.surface.setdefault(variant, (ident, kind))


def _alternation(surface: dict[str, tuple[str, str]]) -> re.Pattern[str]:
    forms = sorted(surface, key=len, reverse=True)
    body = "|".join(re.escape(f) for f in forms)
    # Possessive and hyphenated compounds stay mentions ("Ukraine's", "Nato-led"); letters around do not.
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])")
