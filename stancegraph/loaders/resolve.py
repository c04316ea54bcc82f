"""Which actor a token of a parsed sentence stands for: mentions, appositions, groups, pronouns."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..learned.candidates import is_subject
from .predicates import GOVERNMENTS
from .actors import Mention
from .salience import Salience
from .lexicon import Lexicon

PERSONAL = {"he", "she", "him", "her", "his", "hers"}
# Offices whose holders speak for their state: 'the presidents of Estonia and Latvia called …'
OFFICE_NOUNS = {"president", "prime minister", "premier", "chancellor", "leader", "head", "minister", "government",
                "spokesman", "spokeswoman", "spokesperson", "official",
                # those sent to speak for a state: 'representatives of Germany', 'the envoy of Estonia'
                "representative", "envoy", "ambassador", "delegate", "diplomat"}  # 'a German government spokesman' speaks for Germany
# Where a group belongs: 'the presidents of Estonia', 'officials in Berlin', 'diplomats from Paris'
GROUP_PREPOSITIONS = {"of", "in", "from"}
TITLE_HEADS = {"general", "secretary", "chief", "head", "spokesman", "spokeswoman", "spokesperson", "ambassador",
               "envoy", "commander", "official", "officials", "representative"}
DOCUMENT_NOUNS = {"statement", "letter", "declaration", "appeal", "resolution", "communique", "communiqué", "message",
                  "post", "petition", "memorandum", "document", "article", "op-ed", "tweet", "motion", "bill", "address"}
FIRST_PERSON = {"i", "me", "my", "we", "us", "our", "myself", "ourselves"}
EXPLETIVE = {"it", "there", "this", "that", "what", "which"}
MEMBER_NOUNS = {"states", "members", "allies", "countries", "nations", "governments"}
EVERYONE = {"everyone", "everybody", "all"}
DESCRIBED_PEOPLE = {"politician", "statesman", "stateswoman", "diplomat", "doyen", "veteran", "minister"}  # 'the Slovak politician': the one the text is about


TAKEN_UP_PLURALS = {"leaders", "presidents", "ministers", "premiers", "chancellors", "men", "women"}


def _first_word(token) -> int:
    """The index of the sentence's first word (after opening quotes and dashes)."""
    return next((t.i for t in token.sent if t.is_alpha), token.i)


def _counted(token) -> bool:
    """'six European countries', 'the countries', 'these states': a group a listing can name."""
    return any(c.dep_ == "nummod" or c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in token.children)


def _some_of(token) -> bool:
    """'some Nato allies', 'several member states', 'two allies': a part, not the whole body."""
    return any(c.dep_ in ("det", "amod", "nummod", "quantmod") and c.lower_ not in ("the", "all", "its", "their")
               for c in token.children)


QUANTIFIERS = frozenset({"some", "several", "many", "few", "more", "most", "certain", "other", "various", "numerous"})


def _quantified(token) -> bool:
    """'some NATO leaders', 'more and more NATO leaders', 'two NATO leaders' (not 'German officials')."""
    return any(c.dep_ == "nummod" or c.dep_ in ("det", "amod", "quantmod") and c.lower_ in QUANTIFIERS
               for c in token.children)


def _preposed_adjuncts(token) -> list[tuple[int, int]]:
    """Character spans of the phrases a pronoun cannot point back to: before a subject pronoun,
    the phrases its own verb governs ('Standing beside Jens Stoltenberg, he said …' — he is not
    Stoltenberg); for an object pronoun, its own verb's subject ('Sarkozy backed her')."""
    if token.dep_ in ("dobj", "dative") and token.head.i != token.i:
        return [_span(c) for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head.i == token.i:
        return []
    spans = []
    for child in token.head.children:
        participle = child.dep_ == "advcl" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children)
        if child.i < token.i and (participle or child.dep_ == "prep"):
            spans.append(_span(child))
    return spans


# what a body does together: 'we decided that there is this irreversible path', said by its head
COLLECTIVE_ACTS = {"decide", "agree", "adopt", "declare", "reaffirm", "commit", "pledge", "promise", "endorse"}


def _collective_act(token) -> bool:
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in COLLECTIVE_ACTS


QUANTITY_NOUNS = {"number", "majority", "minority", "handful", "group", "couple", "series", "host"}


def _counted_group(token):
    """'a number of NATO countries, including Greece and Poland': the plural a quantity counts."""
    if token.lemma_.lower() not in QUANTITY_NOUNS:
        return token
    return next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj"), token)


def _span(token) -> tuple[int, int]:
    last = token.doc[token.right_edge.i]
    return token.doc[token.left_edge.i].idx, last.idx + len(last)


@dataclass
class Resolver:
    """Maps tokens of one parsed sentence (doc offsets start at the sentence) to actor ids."""

    doc: object
    offset: int
    mentions: list[Mention]
    lexicon: Lexicon
    salience: Salience
    quote_speaker: str | None = None
    joint_speakers: tuple[str, ...] = ()  # who else speaks the quotation: its 'we' is them all
    reported_speaker: str | None = None  # the one speaker of indirect speech: 'X said that our country …'
    home_state: object = None  # callable: person id -> the state they serve
    home_body: object = None  # callable: person id -> the organisation they serve ('NATO' for its secretary general)
    is_organisation: object = lambda actor: False  # callable: actor id -> an organisation such as NATO or the EU
    listed: tuple[str, ...] = ()  # the states a neighbouring sentence lists ('These are Denmark, Spain, …')
    token_actor: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for token in self.doc:  # type: ignore[attr-defined]
            start = self.offset + token.idx
            for mention in self.mentions:
                if mention.start <= start < mention.end:
                    self.token_actor[token.i] = mention.actor
                    break

    def actors(self, token) -> list[str]:
        """Actors a noun phrase headed by token names, with coordinated ones ('Germany and the US')."""
        found = self._one(token)
        for member in [token, *self._listed_beside(token, found)]:
            found += [a for a in self._one(member) if a not in found]
            for conj in member.conjuncts:
                if conj.i > member.i:
                    found += [a for a in self._one(conj) if a not in found]
        return found

    def _listed_beside(self, token, found: list[str]) -> list:
        """'Poland, the Czech Republic, Estonia …' parsed with the second state as an apposition
        of the first: another organisation or state in apposition is a list member, not a
        second name (a person's apposition is their title or name)."""
        if not found or token.i not in self.token_actor or self.names_person(token.i):
            return []
        return [c for c in token.children if c.dep_ == "appos" and c.i in self.token_actor
                and self.token_actor[c.i] not in found and not self.names_person(c.i)]

    def states_within(self, token) -> list[str]:
        """The states named anywhere in a phrase, for a group the parser cannot take apart ('the
        presidents of the Czech Republic, Slovakia, the Baltic States Estonia and …')."""
        found: list[str] = []
        for t in token.subtree:
            actor = self.token_actor.get(t.i)
            if actor and actor not in found and not self.names_person(t.i) and not self.is_organisation(actor):
                found.append(actor)
        return found

    def names_person(self, index: int) -> bool:
        start = self.offset + self.doc[index].idx  # type: ignore[index]
        return any(m.is_person for m in self.mentions if m.start <= start < m.end)

    def _one(self, token) -> list[str]:
        if token.i in self.token_actor:
            return [self.token_actor[token.i]]
        for child in token.children:
            if child.dep_ == "appos" and child.i in self.token_actor:
                named = [self.token_actor[child.i]]  # 'most countries, even France and Germany, …'
                return named + [self.token_actor[c.i] for c in child.conjuncts
                                if c.i > child.i and c.i in self.token_actor and self.token_actor[c.i] not in named]
        lower = token.lower_
        listed = self._listed_examples(token) or self._listed_examples(_counted_group(token))
        if listed:
            return listed  # 'several member states, including Poland and Canada', 'countries such as Finland'
        if self.listed and lower in MEMBER_NOUNS and token.tag_ in ("NNS", "NNPS") and _counted(token):
            return list(self.listed)  # '10 countries have joined …' beside 'These are Denmark, Spain, …'
        if lower in MEMBER_NOUNS and token.tag_ in ("NNS", "NNPS") and any(c.lower_ == "all" for c in token.children):
            bodies = {a for a in self.token_actor.values() if self.is_organisation(a)}
            if len(bodies) == 1:
                return list(bodies)  # 'NATO Secretary General Stoltenberg said all member states agreed …'
        if lower in MEMBER_NOUNS and token.tag_ in ("NNS", "NNPS") and not _some_of(token):
            body = next((self.token_actor[c.i] for c in token.children if c.dep_ == "compound" and c.i in self.token_actor
                         and self.is_organisation(self.token_actor[c.i])), None)
            if body:
                return [body]  # 'NATO member states', 'NATO allies': the organisation acting through its members
        if lower == "allies" and token.tag_ == "NNS" and not _some_of(token) and not _quantified(token) \
                and not any(c.dep_ in ("poss", "amod", "compound") for c in token.children):
            bodies = {a for a in self.token_actor.values() if self.is_organisation(a)}
            named_before = any(self.is_organisation(a) and i < token.i and not self._in_title(self.doc[i])
                               for i, a in self.token_actor.items())  # not 'Nato Secretary General Jens Stoltenberg'
            if len(bodies) == 1 and named_before:
                return list(bodies)  # 'at last year's NATO summit in Washington, allies declared …'
        if (lower in self.lexicon.group_heads or token.lemma_.lower() in OFFICE_NOUNS) \
                and not (token.tag_ in ("NNS", "NNPS") and _quantified(token)):  # 'some NATO leaders' are not NATO
            for child in token.children:
                if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i in self.token_actor:
                    return [self._governed(token, child)]
            of = [g for c in token.children if c.dep_ == "prep" and c.lower_ in GROUP_PREPOSITIONS
                  for g in c.children if g.dep_ == "pobj"]
            while of and not self.actors(of[0]) and (of[0].lower_ in MEMBER_NOUNS or of[0].pos_ == "PROPN"):
                # 'the leaders of the countries of the Bucharest Nine', 'the Ministry of Foreign Affairs of Ukraine'
                of = [g for c in of[0].children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
            if of and self.actors(of[0]):
                return self.actors(of[0])  # 'the presidents of Estonia, Latvia and Lithuania', 'officials in Berlin'
        if lower in EVERYONE and token.dep_ in ("nsubj", "nsubjpass"):
            body = self._body_everyone_is_in(token)
            if body:
                return [body]  # 'in NATO, everyone had agreed …', 'everyone in the alliance agrees'
        if token.lemma_.lower() in DESCRIBED_PEOPLE and token.tag_ == "NN" and any(
                c.dep_ == "det" and c.lower_ == "the" for c in token.children) and not (
                token.lemma_.lower() == "minister" and any(c.dep_ in ("compound", "amod") for c in token.children)):
            return self._described_person(token)  # 'according to the Slovak politician, …'
        if lower in PERSONAL:
            earlier = self._person_before(token)  # 'Stoltenberg told reporters …, but he stopped short'
            if earlier or self.salience.person:
                return [earlier or self.salience.person]
        if lower == "it" and token.dep_ == "nsubj" and token.head.lemma_.lower() in self.lexicon.volition:
            earlier = self._body_before(token)  # 'to satisfy Ukraine as it seeks a clear invitation'
            if earlier is None and token.i == _first_word(token):
                earlier = self.salience.body  # 'Budapest has long opposed … . It has also urged against …'
            if earlier:
                return [earlier]
        if lower in FIRST_PERSON and self.quote_speaker:
            plural = lower in ("we", "us", "our", "ourselves")
            body = self.home_body(self.quote_speaker) if plural and self.home_body and _collective_act(token) else None
            return [self.quote_speaker, *(self.joint_speakers if plural else ()), *((body,) if body else ())]
        if lower == "they" and self.salience.group and (
                token.i == _first_word(token) or token.dep_ == "nsubj" and token.head.lemma_.lower() in self.lexicon.speech):
            return list(self.salience.group)  # 'Macron and Zelensky signed the pact. They said …', '"…," they added'
        if lower == "they" and token.dep_ in ("nsubj", "nsubjpass"):
            group = self._group_before(token)
            if group:
                return group  # 'On the issue of Ukraine and Georgia's membership, she said they were not ready'
        if lower in TAKEN_UP_PLURALS and self.salience.group and token.i == _first_word(token) + 1 and any(
                c.dep_ in ("det", "nummod", "predet") and c.lower_ in ("the", "both", "two") for c in token.children):
            return list(self.salience.group)  # 'Macron and Zelensky revealed … . The leaders emphasized …'
        if self.salience.document and token.lemma_.lower() in DOCUMENT_NOUNS and token.dep_ == "nsubj" \
                and token.head.lemma_.lower() in self.lexicon.speech and not any(
                    c.dep_ in ("poss", "compound") or c.dep_ == "det" and c.lower_ not in ("the", "this")
                    for c in token.children):
            return list(self.salience.document)  # 'Ukraine's ministry published a statement. The document states …'
        if token.lemma_.lower() in ("country", "government", "nation") and token.tag_ not in ("NNS", "NNPS"):
            return self._country(token)  # one state; 'the countries in the eastern wing' are not the last one named
        return []

    def _governed(self, head, named) -> str:
        """'the Biden administration', 'Orbán's government': the state its head governs then; other
        bodies named after a person stay the person's ('Zelensky's office')."""
        actor = self.token_actor[named.i]
        if head.lemma_.lower() in GOVERNMENTS and self.names_person(named.i) and self.home_state:
            return self.home_state(actor) or actor
        return actor

    def _body_everyone_is_in(self, token) -> str | None:
        """The one organisation an 'everyone' is placed in, by its own 'in' or its verb's."""
        places = [c for holder in (token, token.head) for c in holder.children if c.dep_ == "prep" and c.lower_ == "in"]
        bodies = [a for p in places for g in p.children if g.dep_ == "pobj" for a in self.actors(g) if self.is_organisation(a)]
        return bodies[0] if len(set(bodies)) == 1 else None

    def _in_title(self, token) -> bool:
        """'Nato' in 'Nato Secretary General Jens Stoltenberg': part of a person's title."""
        head = token.head
        while token.dep_ == "compound" and head.i != token.i:
            if head.lemma_.lower() in TITLE_HEADS or self.names_person(head.i):
                return True
            token, head = head, head.head
        return False

    def pronoun_subject(self) -> bool:
        """The sentence's main subject is 'he' or 'she' ('Speaking in Warsaw, he avoided …')."""
        root = next((t for t in self.doc if t.dep_ == "ROOT"), None)  # type: ignore[attr-defined]
        return root is not None and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("he", "she")
                                        for c in root.children)

    def subject_body(self) -> str | None:
        """The one state or organisation the sentence's main subject names ('Budapest has …')."""
        root = next((t for t in self.doc if t.dep_ == "ROOT"), None)  # type: ignore[attr-defined]
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
        found = self.actors(subject) if subject is not None and subject.lower_ != "it" else []
        people = {m.actor for m in self.mentions if m.is_person}
        return found[0] if len(found) == 1 and found[0] not in people else None

    def subject_group(self) -> tuple[str, ...]:
        """The actors of the sentence's main subject when it names several ('Macron and Zelensky
        signed …'), for a 'They' that opens the next sentence."""
        root = next((t for t in self.doc if t.dep_ == "ROOT"), None)  # type: ignore[attr-defined]
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
        if subject is None or subject.lower_ == "they":
            return ()
        found = tuple(self.actors(subject))
        return found if len(found) > 1 else ()

    def _listed_examples(self, token) -> list[str]:
        """The named members of an unnamed plural: 'states, including Poland and Canada',
        'countries such as Finland and Poland', 'allies like the Baltic states', 'leaders, in
        particular Kallas'."""
        if token.tag_ not in ("NNS", "NNPS") and token.lemma_.lower() not in QUANTITY_NOUNS or token.i in self.token_actor:
            return []  # 'a number of allies, including Greece …' may hang the examples on 'number'
        found: list[str] = []
        beside = [c for c in token.head.children if c.dep_ == "prep" and c.lower_ == "in"] \
            if token.dep_ in ("nsubj", "nsubjpass") else []  # 'in particular …' parsed on the verb
        for prep in [*token.children, *beside]:
            such_as = prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
            # 'leaders, in particular Estonian Prime Minister Kaja Kallas, note …' (parsed 'in' + 'particular …')
            in_particular = prep.lower_ == "in" and any(t.lower_ == "particular" for t in prep.subtree)
            if prep.dep_ == "prep" and (prep.lower_ in ("including", "like") or such_as or in_particular):
                for member in (g for g in prep.children if g.dep_ == "pobj"):
                    for candidate in (member, *member.conjuncts):
                        found += [a for a in self._one(candidate) if a not in found]
        return found

    def _person_before(self, token) -> str | None:
        aside = _preposed_adjuncts(token)
        people = [m for m in self.mentions if m.is_person and m.end <= self.offset + token.idx
                  and not any(start <= m.start - self.offset < end for start, end in aside)]
        if token.dep_ in ("nsubj", "nsubjpass"):
            # a subject 'he' continues the subject before it, not the one spoken to: 'Erdogan told
            # his counterpart Zelensky that …, but he also urged …'; nor one only named as an
            # owner or inside a quotation he stands outside ('… stopping Putin's Russia," he added')
            people = [m for m in people if not self._named_aside(m, token)]
            people = [m for m in people if is_subject(self.doc, m.start - self.offset, m.end - self.offset)] or people
        return max(people, key=lambda m: m.end).actor if people else None

    def _group_before(self, token) -> list[str]:
        """Actors conjoined earlier in the pronoun's sentence, the nearest such group."""
        heads = [t for t in token.sent if t.i < token.i and t.dep_ != "conj" and any(c.dep_ == "conj" for c in t.children)]
        for head in reversed(heads):
            group = list(dict.fromkeys(a for t in (head, *head.conjuncts) if t.i < token.i for a in self.actors(t)))
            if len(group) >= 2:
                return group
        return []

    def _described_person(self, token) -> list[str]:
        """'the politician', 'the Slovak politician': the person the text is about, if their
        nationality (a demonym) agrees with the one they serve."""
        person = self._person_before(token) or self.salience.person
        states = [self.token_actor[c.i] for c in token.children if c.dep_ in ("amod", "compound") and c.i in self.token_actor]
        if person is None or states and (self.home_state is None or self.home_state(person) not in states):
            return []
        return [person]

    def _named_aside(self, mention, token) -> bool:
        text = self.doc.text  # type: ignore[attr-defined]
        start = mention.start - self.offset
        owner = self.doc.char_span(start, mention.end - self.offset, alignment_mode="expand")  # type: ignore[attr-defined]
        if owner is not None and owner.root.dep_ == "poss":
            return True
        quoted = lambda at: sum(text[:at].count(q) for q in '"“”') % 2 == 1  # noqa: E731
        return quoted(start) and not quoted(token.idx)

    def _body_before(self, token) -> str | None:
        """The state or organisation a pronoun subject takes up from the clause its own clause
        hangs on: 'to satisfy Ukraine as it seeks …', 'Ukraine has fought for years, and it wants …'.
        Only what acts through its government can 'seek' or 'want' as 'it'."""
        clause = token.head
        governing = clause.head if clause.head.i != clause.i else None
        if governing is None or clause.dep_ not in ("advcl", "conj"):
            return None
        people = {m.actor for m in self.mentions if m.is_person}
        for dep in ("nsubj", "nsubjpass", "dobj"):
            for child in governing.children:
                if child.dep_ == dep and child.i < token.i:
                    bodies = [a for a in self._one(child) if a not in people]
                    if bodies:
                        return bodies[0]
        return None

    def _country(self, token) -> list[str]:
        """'the country' is the last state named, 'the government' the last subject's; 'his country' the
        state its person serves."""
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None and owner.lower_ in PERSONAL | FIRST_PERSON and self.home_state:
            person = (self.quote_speaker or self.reported_speaker) if owner.lower_ in FIRST_PERSON else (
                self._person_before(owner) or self.salience.person)
            home = self.home_state(person) if person else None
            return [home] if home else []
        if token.lemma_.lower() == "government" and any(c.lower_ == "the" for c in token.children) \
                and self.salience.body and not self.is_organisation(self.salience.body):
            return [self.salience.body]  # 'Kyiv … after years of fighting Russia … The government wants …': the subject's
        if any(c.lower_ == "the" for c in token.children) and self.salience.state:
            return [self.salience.state]
        return []

    def kind(self, token) -> str:
        """'actor', 'speaker' (I/we), 'none' (no or expletive subject) or 'unnamed' ('some allies')."""
        if token is None:
            return "none"
        if self.actors(token):
            return "actor"
        lower = token.lower_
        if lower in FIRST_PERSON:
            return "speaker"
        if lower in EXPLETIVE or token.dep_ == "expl":
            return "none"
        if token.lemma_.lower() in self.lexicon.unnamed or lower in self.lexicon.unnamed or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            return "unnamed"
        return "none"  # a thing, not someone: 'that path should exclude …' is the speaker's view
