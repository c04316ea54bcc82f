"""Who says what: speech verbs, 'according to', labels and dashes that name a speaker (the
quotation spans are `quotations`; the sentence said before its speaker is named, `back_references`)."""

from __future__ import annotations

from dataclasses import dataclass

from .asking import asked_to_say, demanded
from .holders import DOCUMENTS, OTHERS_OF_A_STATE, agent_of, coordinated_with, past_heading, subject_of
from .lexicon import Lexicon
from .negation import only_a_fool
from .plans import framing_plan
from .predicates import phrasal
from .resolve import Resolver

CONTENT_DEPS = ("ccomp", "xcomp", "parataxis", "dobj", "advcl", "conj")


@dataclass(frozen=True)
class Frame:
    speaker: str | None  # actor id; None when the speaker is unnamed
    verb: int | None  # token index of the speech verb
    content: frozenset[int]  # token indices of what is said
    kind: str  # speech | according | quote | continued
    also: tuple[str, ...] = ()  # further speakers of a coordinated subject ('Washington and Berlin argued')
    document: bool = False  # the speaker is a document's issuers ('the joint statement of … says')

    @property
    def speakers(self) -> tuple[str, ...]:
        return ((self.speaker,) if self.speaker else ()) + self.also


def speech_frames(doc, resolver: Resolver, lexicon: Lexicon) -> list[Frame]:
    frames = [f for token in doc if (f := _speech_frame(token, resolver, lexicon))]
    frames += [f for token in doc if (f := _according_frame(token, resolver))]
    frames += [f for token in doc if (f := _as_said_frame(token, resolver, lexicon))]
    frames += [f for token in doc if (f := _claim_noun_frame(token, resolver))]
    frames += [f for f in (_colon_frame(doc, resolver), _dash_frame(doc, resolver), _for_frame(doc, resolver)) if f]
    return frames


def _colon_frame(doc, resolver: Resolver) -> Frame | None:
    """A headline or summary line opened by its speaker and a colon ('Blinken: Paper Reiterates US
    Position …', 'Stoltenberg: Ukraine will join'): what follows is the speaker's."""
    colon = next((t for t in doc[:6] if t.text == ":"), None)
    speaker = colon_label(doc, colon, resolver) if colon is not None else None
    if speaker is None:
        return None
    return Frame(speaker, None, frozenset(t.i for t in doc[colon.i + 1:]), "quote")


def colon_label(doc, colon, resolver: Resolver) -> str | None:
    """The one actor the few words before a colon name ('Blinken: …', 'Quote from Duda: "…"');
    none for 'Germany and France: …', nor where a clause comes before the colon ('he said to
    Macron: …' is his, by the verb)."""
    label = doc[max(0, colon.i - 6):colon.i]
    if len(label) == 0 or any(t.pos_ in ("VERB", "AUX") and t.lower_ != "quote" for t in label):
        return None
    # 'Austin in Ukraine: …' is Austin's, wherever he is
    named = {a for t in label if not (t.dep_ == "pobj" and t.head.lower_ in ("in", "at")) for a in resolver.actors(t)}
    return named.pop() if len(named) == 1 else None


def _for_frame(doc, resolver: Resolver) -> Frame | None:
    """'For Macron, instead of belonging to NATO, there should be talk of guarantees': a sentence
    opened by 'For' and one actor, then a comma, is that actor's view."""
    first = doc[0] if len(doc) > 3 else None
    if first is None or first.lower_ != "for":
        return None
    named = next((c for c in first.children if c.dep_ == "pobj"), None)
    comma = next((t for t in doc[1:6] if t.text == ","), None)
    actors = resolver.actors(named) if named is not None else []
    if len(actors) != 1 or comma is None or named.i > comma.i:
        return None
    return Frame(actors[0], None, frozenset(t.i for t in doc[comma.i + 1:]), "according")


DASHES = {"-", "–", "—"}
POSSESSIVE_ENDINGS = {"'s", "’s", "'", "’"}


def _dash_frame(doc, resolver: Resolver) -> Frame | None:
    """A headline that ends with its speaker after a dash ('Poland will not send soldiers, but
    will support countries that do - Tusk'): what comes before is the speaker's."""
    dash = next((t for t in reversed(doc) if t.text in DASHES), None)
    if dash is None or dash.i < 3 or dash.i >= len(doc) - 1:
        return None
    after = [t for t in doc[dash.i + 1:] if not t.is_punct]
    if not after:
        return None
    start = resolver.offset + after[0].idx
    named = [m for m in resolver.mentions if m.end > start]
    people = {m.actor for m in named if m.is_person}
    words = [t for t in after if t.lower_ not in POSSESSIVE_ENDINGS]
    if len(after) > 6 or any(not t.text[:1].isupper() for t in words):
        return None  # the tail is one name and its title ('– Polish President Andrzej Duda', '- Poland's Nawrocki')
    if len(people) == 1:
        return Frame(people.pop(), None, frozenset(t.i for t in doc[:dash.i]), "quote")
    # '… isn't likely during war – White House': the tail is one institution's name and nothing else
    if not people and len({m.actor for m in named}) == 1 and all(
            any(m.start <= resolver.offset + t.idx < m.end for m in named) for t in words if t.lower_ != "the"):
        return Frame(named[0].actor, None, frozenset(t.i for t in doc[:dash.i]), "quote")
    return None


def _speech_frame(verb, resolver: Resolver, lexicon: Lexicon) -> Frame | None:
    convinced = verb.dep_ == "acomp" and verb.lower_ in CONVINCED and verb.head.lemma_ == "be"  # 'Yermak is convinced that'
    if not convinced and (verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in lexicon.speech and not _makes_clear(verb)):
        return None
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in FORECASTING:
        return None  # 'diplomats expect the final communique to say …' has not been said
    if _hypothetical(verb):
        return None  # 'if we say Ukraine can only join when …' says nothing yet
    if framing_plan(verb) is not None:
        return None  # 'Under the proposal, Ukraine would agree not to join …': the plan's terms, not said
    if demanded(verb) or asked_to_say(verb):
        return None  # 'Lithuania's expectation that NATO would reaffirm …', 'allies should signal that …': asked, not said
    if verb.dep_ == "acl" and verb.tag_ in ("VBP", "VBZ") and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) \
            and not any(c.dep_ == "aux" for c in verb.children):
        return None  # 'the possibility lies in the fact that the allies say: …' (not '… that the US has said')
    if _lets_in(verb, resolver):
        return None  # 'NATO should admit Ukraine': letting a member in, not conceding
    if only_a_fool(verb):
        return None  # 'only a madman can think that …' is the speaker's verdict, not a fool's speech
    subject = _speaker_token(verb)
    if subject is None and _addressed(verb):
        said = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis", "xcomp")]
        return Frame(None, verb.i, frozenset(t.i for c in said for t in c.subtree), "speech")  # told by no one named
    if subject is None:
        return None
    named = resolver.actors(subject)
    actors = named or (_issuer(subject, resolver) if not _others_of(subject) else [])  # 'the NATO declaration says …'
    if not actors and verb.lemma_.lower() == "make":
        return None  # 'because it made clear that …': the reason, not a speaker
    speaker = actors[0] if actors else None
    subject_span = {t.i for t in subject.subtree}
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis", "xcomp")]
    if clauses:
        content = {t.i for c in clauses for t in c.subtree}
    elif verb.dep_ == "advcl":  # 'after Russia claimed the annexation of four regions': its own clause only
        content = {t.i for t in verb.subtree}
    else:
        content = {t.i for t in verb.sent if t.i not in subject_span and t.i != verb.i}
    if verb.dep_ in ("conj", "ccomp") and verb.head.i < verb.i and not clauses:
        # '…, the former secretary general has said': what was said stands before the verb
        content = {t.i for t in verb.sent if t.i < min(subject_span | {verb.i})}
    content -= _contrast_asides(verb.doc, content)
    return Frame(speaker, verb.i, frozenset(content - subject_span - {verb.i}), "speech", tuple(actors[1:]),
                 document=bool(actors) and not named and subject.lemma_.lower() in DOCUMENTS)


def _contrast_asides(doc, content: set[int]) -> set[int]:
    """', while Italy and Poland have already ruled out deploying …' after what a speaker confirmed:
    the narrator's contrast, with a subject of its own, not part of what was said (not a state of
    affairs the speaker names, 'while the country is at war')."""
    asides = set()
    for token in (doc[i] for i in content):
        if token.dep_ == "advcl" and token.lemma_.lower() != "be" \
                and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in token.children) \
                and any(c.dep_ == "nsubj" for c in token.children) and token.left_edge.i > 0 \
                and doc[token.left_edge.i - 1].text == ",":
            asides |= {t.i for t in token.subtree}
    return asides


def _lets_in(verb, resolver: Resolver) -> bool:
    """'admit' with a named actor as its object and no clause says who is let in."""
    if verb.lemma_.lower() != "admit" or any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and resolver.actors(c) for c in verb.children)


SAYING_PREPOSITIONS = {"by", "after", "when", "while", "in", "before", "since"}
PREDICTING = frozenset({"expect", "predict", "anticipate", "forecast", "fear"})  # "they fear that the US will not allow …"
FORECASTING = PREDICTING | {"hope", "want", "wish"}


def _hypothetical(verb) -> bool:
    """'if we say …'; 'peace will come once Kyiv acknowledges that …' (a present-tense 'once' or
    'until' clause has not been said either)."""
    for node in (verb, *verb.ancestors):
        if node.dep_ == "conj" and node.tag_ in ("VB", "VBP", "VBZ") and any(
                c.lower_ in ("once", "if", "unless") and node.head.i < c.i < node.i for c in node.head.children):
            return True  # the parser's 'settled once … acknowledge' hangs 'once' on the verb before
        if node.dep_ != "advcl":
            continue
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if marks & {"if", "unless", "whether"} or marks & {"once", "until"} and node.tag_ in ("VB", "VBP", "VBZ"):
            return True
        if node.i == verb.i and "for" in marks:
            return True  # 'advocated for NATO countries to agree on …': asked of them, not said
    return False


def _makes_clear(verb) -> bool:
    """'U.S. officials have made clear that …', 'made it clear that …'."""
    return verb.lemma_.lower() == "make" and any(c.lower_ == "clear" and c.dep_ in ("oprd", "acomp", "ccomp", "xcomp")
                                                  for c in verb.children)


def _speaker_token(verb):
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return quoted
    # a first-person subject first: a parse that gives a verb two ('the question of NATO membership,
    # he said, I think …') has the speaker's 'I' beside the topic it took up
    for child in sorted(verb.children, key=lambda c: c.lower_ not in ("i", "we")):
        if child.dep_ == "nsubjpass" and _addressed(verb):
            return agent_of(verb)  # 'he was told that Ukraine won't be joining': said to him, by whoever told him
        if child.dep_ == "nsubj" and verb.dep_ == "relcl" and child.lower_ in ("which", "who", "that"):
            return subject_of(verb)  # 'the states that reject …': the antecedent, or one who stands among them
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ != "VERB" and past_heading(child) is not None:
            return past_heading(child)
    if verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return _speaker_token(coordinated_with(verb))  # '… called for more weapons and said …'
    head = verb.head
    while verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ not in ("VERB", "AUX") and head.i != head.head.i:
        head = head.head  # 'sent a message to the summit saying …': up to the verb it hangs from
    if verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBG" and head.i != verb.i and head.pos_ in ("VERB", "AUX") \
            and head.dep_ == "ROOT":
        # 'Biden struck a cautious note, saying …'; not '… told reporters that Ukraine could not
        # join …, arguing …' (the reporter's subject argues) nor '… should be issued, arguing …'
        return next((c for c in head.children if c.dep_ == "nsubj" and c.pos_ != "VERB"), None)
    if verb.dep_ == "acomp" and head.lemma_.lower() == "be":  # 'Kallas is convinced that …'
        return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "VERB"), None)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ in SAYING_PREPOSITIONS \
            and head.head.pos_ in ("VERB", "AUX"):
        # 'Hegseth rattled Europe by saying …', 'Fico drew criticism after saying …': who did it said it
        return next((c for c in head.head.children if c.dep_ == "nsubj" and c.pos_ != "VERB"), None)
    # '…, says Anders Rasmussen'; not 'to convince the allies to …' nor 'the failure to mention X' (an infinitive's object)
    for child in [] if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) else verb.children:
        if child.i > verb.i and child.dep_ in ("nmod", "dobj", "attr", "npadvmod", "appos", "dep") and child.pos_ in ("PROPN", "NOUN", "PRON") \
                and not (child.dep_ == "dobj" and verb.lemma_.lower() in ADDRESSED | PERSUADING):
            return child
    return _name_closing_the_sentence(verb)


# speech verbs whose passive subject is the one spoken to (or refused: 'be denied entry'), not the speaker
ADDRESSED = {"tell", "inform", "assure", "reassure", "promise", "advise", "brief", "notify", "warn", "deny"}
PERSUADING = {"convince", "persuade", "urge", "remind"}
CONVINCED = {"convinced", "confident", "certain", "adamant"}  # a belief stated as "is convinced that"


def _addressed(verb) -> bool:
    return verb.lemma_.lower() in ADDRESSED and any(c.dep_ == "nsubjpass" for c in verb.children)


def _quoted_as_saying(verb):
    """'the press service quoted Stefanchuk as saying', 'Interfax cited him as saying that …': the
    one quoted speaks, at the quoting verb and at 'saying' alike, not the outlet that quotes."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.dep_ == "prep":
        verb = verb.head.head
    if verb.lemma_.lower() not in ("quote", "cite") or not any(
            c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children) for c in verb.children):
        return None
    # '… TASS quoted Venediktov as saying', and in the passive '… Venediktov was quoted as saying'
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _name_closing_the_sentence(verb):
    """'…, Latvia's Prime Minister, Krisjanis Karins, stated.': the parse lost the subject, but a
    name set off by commas just before the sentence's last verb is who said what came first."""
    if verb.dep_ != "ROOT" or not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children) \
            or any(t.i > verb.i and not t.is_punct for t in verb.sent):
        return None
    before = next((t for t in reversed(verb.doc[verb.sent.start:verb.i]) if not t.is_punct), None)
    return before if before is not None and before.pos_ == "PROPN" and before.dep_ == "appos" else None


def _according_frame(token, resolver: Resolver) -> Frame | None:
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    actors = resolver.actors(source) or _issuer(source, resolver)
    phrase = {t.i for t in token.subtree}
    content = {t.i for t in token.sent if t.i not in phrase}
    return Frame(actors[0] if actors else None, token.i, frozenset(content), "according")


LAYING_OUT = {"lay out", "spell out", "point out", "set out"}  # 'as Putin has laid out'


def _as_said_frame(verb, resolver: Resolver, lexicon: Lexicon) -> Frame | None:
    """'…, as Kyiv has acknowledged', 'as Stoltenberg put it', 'as Putin has laid out': the clause
    that 'as' hangs on is what the named source says, like 'according to'."""
    if verb.dep_ != "advcl" or verb.lemma_.lower() not in lexicon.speech and verb.lemma_.lower() != "put" \
            and phrasal(verb) not in LAYING_OUT \
            or verb.head.i == verb.i \
            or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    actors = resolver.actors(subject) if subject is not None else []
    if not actors:
        return None
    own = {t.i for t in verb.subtree}
    return Frame(actors[0], verb.i, frozenset(t.i for t in verb.head.subtree if t.i not in own), "according")


CLAIM_NOUNS = {"claim", "insistence", "assertion", "proclamation", "statement", "declaration", "announcement",
               "argument", "assurance", "view", "position", "warning", "demand", "promise", "pledge", "belief",
               "condition", "requirement", "proposal", "remark", "comment"}
LISTING_VERBS = {"include", "be", "remain"}


def _claim_noun_frame(noun, resolver: Resolver) -> Frame | None:
    """'Washington's insistence that Ukraine will never join', 'the Kremlin's claim that …': the
    owner of a claim says what its that-clause says."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CLAIM_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    actors = resolver.actors(owner) if owner is not None else []
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None) or _that_clause_after(noun)
    if clause is not None and actors:
        return Frame(actors[0], noun.i, frozenset(t.i for t in clause.subtree), "speech", tuple(actors[1:]))
    verb = noun.head
    if actors and noun.dep_ == "nsubj" and verb.lemma_.lower() in LISTING_VERBS:  # 'Moscow's demands include that …'
        content = {t.i for c in verb.children if c.dep_ in ("dobj", "ccomp", "attr") for t in c.subtree}
        return Frame(actors[0], verb.i, frozenset(content), "speech", tuple(actors[1:])) if content else None
    return None


def _that_clause_after(noun):
    """The that-clause right after a claim noun that the parser hung elsewhere ('Stoltenberg's
    statement last week that Ukraine must first defeat Russia …', attached to the main verb)."""
    after = noun.right_edge.i + 1
    if after >= len(noun.doc) or noun.doc[after].lower_ != "that" or noun.doc[after].dep_ != "mark":
        return None
    clause = noun.doc[after].head
    return clause if clause.dep_ in ("advcl", "ccomp") and not clause.is_ancestor(noun) else None


def _others_of(subject) -> bool:
    """'Ukraine's allies', '26 of Ukraine's allies': others than the one named, who issued nothing."""
    heads = [subject, *(g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)]
    return any(h.lemma_.lower() in OTHERS_OF_A_STATE for h in heads)


def _issuer(source, resolver: Resolver) -> list[str]:
    """'a statement from the Czech foreign ministry', 'the NATO statement', 'the final statement of
    the NATO summit': who issued the text (its owner named before it, or in a from/of/by phrase)."""
    issuers = [g for c in source.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "by")
               for g in c.children if g.dep_ == "pobj"]
    for candidate in (*source.children, *issuers, *(c for g in issuers for c in g.children)):
        if candidate.dep_ not in ("poss", "compound", "pobj"):
            continue
        actors = resolver.actors(candidate)
        if candidate.dep_ == "compound" and not all(resolver.is_organisation(a) for a in actors):
            continue  # 'the NATO statement', but not 'the Bucharest summit' (where, not who)
        if actors and candidate.dep_ == "pobj":  # 'the joint statement of Zelensky and Trudeau'
            actors = list(dict.fromkeys([*actors, *(a for c in candidate.conjuncts for a in resolver.actors(c))]))
        if actors:
            return actors
    return []
