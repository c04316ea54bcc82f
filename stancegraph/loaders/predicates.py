"""Which predicates carry a position, and with which class: stance verbs and adjectives,
copulas with their complements, 'regard … as', 'pose a threat', naming ('called it a
mistake'), phrasal verbs and negation. Words come from the lexicon; this module only reads
the parse around one token."""

from __future__ import annotations

from .lexicon import Lexicon
from .negation import COPULAS, is_negated

# bodies named after the one who heads them: "the Biden administration", "Orbán's government"
GOVERNMENTS = {"administration", "government", "cabinet"}

TRUE_AUXILIARIES = {"be", "have", "do", "will", "would", "can", "could", "may", "might", "must", "shall", "should",
                    "ought", "need", "to", "get", "'s", "'re", "'ve", "'d", "'ll", "wo", "ca"}


# Adverbs the parser often attaches as advmod where they are a verb's particle ('put forward')
_PARTICLE_ADVERBS = frozenset({"forward", "back", "up", "down", "off", "away"})


def phrasal(node) -> str:
    particle = next((c.lower_ for c in node.children if c.dep_ == "prt"), None)
    if particle is None and node.pos_ == "VERB":
        particle = next((c.lower_ for c in node.children
                         if c.dep_ == "advmod" and c.lower_ in _PARTICLE_ADVERBS and c.i == node.i + 1), None)
    return f"{node.lemma_.lower()} {particle}" if particle else node.lemma_.lower()


def idiom(node, lexicon: Lexicon) -> str | None:
    if node.pos_ != "VERB" or not lexicon.idioms:
        return None
    objects = [c.lemma_.lower() for c in node.children if c.dep_ == "dobj"]
    objects += [g.lemma_.lower() for c in node.children if c.dep_ in ("prep", "prt") and c.lower_ in ("in", "off", "from")
                for g in c.children if g.dep_ == "pobj"]  # 'would not stand in the way of an invitation'
    objects += [g.lemma_.lower() for c in node.children if c.dep_ == "dobj" for t in c.subtree
                if t.dep_ == "prep" and t.lower_ == "off" and t.head.pos_ == "VERB"
                for g in t.children if g.dep_ == "pobj"]  # 'taken the prospect of Ukraine joining NATO off the table'
    return next((lexicon.idioms[k] for o in objects if (k := f"{node.lemma_.lower()} {o}") in lexicon.idioms), None)


def asked_passively(verb) -> bool:
    """'He confirmed when pressed that …', 'if asked': a participle of being asked, not asking
    for anything."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
        c.dep_ in ("agent", "dobj", "prep", "nsubj", "aux") for c in verb.children)  # not 'while Italy has ruled out …'


ROLE_NOUNS = {"role", "part", "contribution"}  # what the adjective before them says of what they play a role in


def predicate_class(node, lexicon: Lexicon) -> str | None:
    lemma = node.lemma_.lower()
    if asked_passively(node):
        return None
    if lemma == "oppose" and node.i > 0 and node.doc[node.i - 1].lower_ == "as":
        return None  # 'the way to accession, as opposed to NATO's process': a contrast, not opposition
    if lemma == "back" and any(c.dep_ == "prep" and c.lower_ == "into" and any(g.lemma_.lower() == "corner" for g in c.children)
                               for c in node.children):
        return None  # 'Putin felt backed into a corner': cornered, not backed
    if phrasal(node) in lexicon.phrasal:
        return lexicon.phrasal[phrasal(node)]  # 'had not given up on joining'
    found = idiom(node, lexicon)
    if found:
        return found  # 'poured cold water on', 'threw its weight behind'
    if node.lower_ == "against" and node.pos_ == "ADP":
        return "oppose"
    if lemma == "have" and any(c.dep_ == "dobj" and c.lower_ == "nothing" and any(g.lower_ == "against" for g in c.children)
                               for c in node.children):
        return "support"  # 'we have nothing against them wanting to be a member': no objection
    if node.pos_ == "AUX" and node.dep_ == "aux" and lemma not in TRUE_AUXILIARIES:
        return None  # counted on its head (below), where the parse put the clause
    if node.pos_ == "NOUN" and lemma in lexicon.negated_existentials and any(c.lower_ == "no" for c in node.children):
        return "oppose"  # "there was no question of Ukraine joining"
    if node.pos_ == "NOUN" and lemma in lexicon.negated_existentials and node.dep_ == "attr" \
            and any(c.dep_ == "expl" for c in node.head.children) and (is_negated(node.head) or lemma in WARRANTS):
        return "support"  # 'there was never a serious prospect that …' (the negation is the verb's), 'there is every reason to invite'
    if node.pos_ == "NOUN" and lemma in lexicon.negated_existentials and node.dep_ == "dobj" \
            and node.head.lemma_ == "have" and is_negated(node.head):
        return "support"  # 'does not have the possibility to join': the negation is the verb's
    if proposes(node):
        return "support"
    if lemma == "call" and names_something(node):
        return naming_class(node, lexicon)  # 'called the plan unrealistic' is no call for it
    if lemma == "call" and node.pos_ == "NOUN" and a_conversation(node):
        return None  # 'his call with the coalition of the willing' was a conversation, not a demand
    if lemma in ("drag", "pull", "draw") and _into_the_alliance(node):
        return None  # 'dragging Ukraine into NATO' brings it in; not 'would drag NATO into war'
    if node.pos_ == "VERB" and lemma in ENTAILING and (kind := evaluated_object(node, lexicon)):
        return kind
    if node.pos_ == "VERB" and lemma in lexicon.as_verbs and (kind := as_complement(node, lexicon)):
        return kind  # 'considers Ukraine's accession a red line': the complement judges, not the verb
    kind = lexicon.polarity_class(lemma, "VERB" if node.pos_ == "AUX" and lemma not in COPULAS else node.pos_)
    if kind:
        return kind
    if node.pos_ == "NOUN" and lemma in ROLE_NOUNS:  # 'the crucial role of US participation in the guarantees'
        judged = [a for a in node.children if a.dep_ == "amod" and lexicon.polarity_class(a.lemma_, "ADJ")]
        if judged:
            return lexicon.polarity_class(judged[0].lemma_, "ADJ")
    for aux in (c for c in node.children if c.dep_ == "aux" and c.lemma_.lower() not in TRUE_AUXILIARIES):
        kind = lexicon.polarity_class(aux.lemma_, "VERB")  # 'Germany and France oppose granting …' parsed
        if kind:                                           # with 'oppose' as an auxiliary of 'granting'
            return kind
    if node.pos_ == "VERB" and node.tag_ in ("VBN", "VBD"):
        kind = lexicon.polarity_class(node.lower_, "ADJ") or lexicon.polarity_class(lemma, "ADJ")  # 'needed', 'opposed'
        if kind:
            return kind
    if node.pos_ in ("AUX", "VERB") and lemma in COPULAS:
        return copular_class(node, lexicon)
    if node.pos_ == "VERB" and lemma in lexicon.light_verbs:
        return evaluated_object(node, lexicon)
    if node.pos_ == "VERB" and lemma in lexicon.as_verbs:
        return as_complement(node, lexicon)
    return None


def _into_the_alliance(verb) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "into" and any(g.lower_ in ("nato", "alliance") for g in c.subtree)
               for c in verb.children)


KIND_NOUNS = {"act", "form", "kind", "sort", "type", "sign", "gesture", "source"}


def as_complement(node, lexicon: Lexicon) -> str | None:
    """'regarded Ukraine's accession as a direct threat', 'considers it a red line': the noun after
    'as', or the object's complement, carries it."""
    objects = [c for c in node.children if c.dep_ == "dobj"]
    # 'described the possibility of Ukraine joining NATO as a red line': the parse hangs the complement
    # on the gerund inside the object, as a second object when 'as' is missing ('… joining NATO a red line')
    inner = [v for o in objects for v in o.subtree if v.pos_ == "VERB" and v.dep_ in ("pcomp", "acl")]
    preps = [c for holder in (node, *objects, *inner) for c in holder.children if c.dep_ == "prep" and c.lower_ == "as"]
    nouns = [g for prep in preps for g in prep.children if g.dep_ == "pobj"]
    nouns += [c for noun in nouns for c in noun.subtree if c.dep_ in ("compound", "nmod") and c.i < noun.i and any(
        a.dep_ == "amod" for a in c.children)]  # 'considered as a red line Ukraine's accession', parsed as one phrase
    nouns += [c for o in objects for c in o.children if c.dep_ in ("appos", "oprd")]  # 'considers X a red line'
    nouns += [d for v in inner for d in v.children if d.dep_ == "dobj" and any(
        c.dep_ in ("dative", "dobj") and c.i < d.i for c in v.children)]
    nouns += [g for noun in nouns if noun.lemma_.lower() in KIND_NOUNS for c in noun.children
              if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]  # 'an act of provocation'
    kind = next((kind for noun in nouns if (kind := foreshadowed_class(noun, lexicon)
                                            or noun_phrase_class(noun, lexicon, "ADJ"))), None)
    adjectives = [g for prep in preps for g in prep.children if g.pos_ == "ADJ"]  # 'as unacceptable', parsed amod
    return kind or next((k for a in adjectives if (k := lexicon.polarity_class(a.lemma_, "ADJ"))), None)


OUTCOMES = {"consequence", "effect", "impact", "implication", "repercussion", "result"}


def evaluated_object(node, lexicon: Lexicon) -> str | None:
    """'pose a threat', 'cross a red line': the object noun carries the evaluation."""
    nouns = [c for c in node.children if c.dep_ in ("dobj", "attr")]
    nouns += [g for c in node.children if c.dep_ == "prep" and c.lower_ in ("to", "in") and node.lemma_.lower() in LEADING
              for g in c.children if g.dep_ == "pobj"]  # 'would lead to war with Russia', 'result in a catastrophe'
    if node.lemma_.lower() == "have":  # 'would have negative consequences', not 'I have no illusions about …'
        nouns = [n for n in nouns if n.lemma_.lower() in OUTCOMES]
    if node.lemma_.lower() in EVALUATING | ENTAILING:  # 'accession means that World War III will begin'
        nouns += [g for c in node.children if c.dep_ == "ccomp" and c.lemma_.lower() in BEGINNING
                  for g in c.children if g.dep_ in ("nsubj", "nsubjpass") and any(
                      w.lemma_.lower() in HOSTILITIES for w in (g, *g.children) if w is g or w.dep_ == "compound")]
        if any(n.dep_ in ("nsubj", "nsubjpass") for n in nouns):
            return "oppose"
    found = next((kind for noun in nouns if (kind := foreshadowed_class(noun, lexicon))), None)  # 'the beginning of …'
    found = found or next((kind for noun in nouns if (kind := noun_phrase_class(noun, lexicon))), None)
    if found or node.lemma_.lower() not in EVALUATING:
        return found
    # 'would constitute a useful contribution', 'represents a dangerous step': the judging adjective
    return next((kind for noun in nouns for m in noun.children if m.dep_ == "amod"
                 if (kind := lexicon.polarity_class(m.lemma_.lower(), "ADJ"))), None)


EVALUATING = {"constitute", "represent", "mean", "amount"}  # light verbs that equate their subject with a judged thing
LEADING = {"lead", "result", "amount"}  # light verbs whose judged thing follows a preposition
# what is judged is what they begin or bring: 'the beginning of World War III', 'a guarantee of
# war', 'a recipe for disaster' (their own class, 'guarantee' a good thing, yields to it)
PRECURSORS = {"beginning": "of", "start": "of", "outbreak": "of", "onset": "of", "brink": "of", "guarantee": "of",
              "recipe": "for", "prelude": "to", "harbinger": "of", "declaration": "of"}  # 'a declaration of war'
# 'membership guarantees World War III', 'would entail a threat of war': judged by what it brings
ENTAILING = {"guarantee", "entail"}
BEGINNING = {"begin", "start", "break", "erupt", "follow", "come", "ensue"}  # what a war does when it comes


def _foreshadowed(noun) -> list:
    preposition = PRECURSORS.get(noun.lemma_.lower())
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == preposition
            for g in c.children if g.dep_ == "pobj"]


HOSTILITIES = {"war", "conflict", "confrontation"}  # what is begun or guaranteed: 'a guarantee of war'


def foreshadowed_class(noun, lexicon: Lexicon) -> str | None:
    """'the beginning of World War III', 'a guarantee of war (with Russia)': the class of what a
    precursor noun begins or brings (a war is a calamity there, though elsewhere a subject), and
    of what it heralds in turn ('a declaration of the start of war')."""
    return next((k for g in _foreshadowed(noun)
                 if (k := noun_phrase_class(g, lexicon) or foreshadowed_class(g, lexicon)
                     or ("oppose" if g.lemma_.lower() in HOSTILITIES else None))), None)


def noun_phrase_class(noun, lexicon: Lexicon, also: str | None = None) -> str | None:
    """The class of a noun with its modifiers ('red line', 'direct threat'), else of the noun."""
    words = [m.lemma_.lower() for m in noun.children if m.dep_ in ("amod", "compound")]
    lemma = noun.lemma_.lower()  # all modifiers, each on its own ('negative, possibly irreparable consequences'), none
    # and a noun with its preposition ('war with Russia' is a calamity, a war alone a subject of talk)
    preps = [f"{lemma} {c.lower_}" for c in noun.children if c.dep_ == "prep"]
    for candidate in (" ".join(words + [lemma]), *(f"{w} {lemma}" for w in words), *preps, lemma):
        kind = lexicon.polarity_class(candidate, "NOUN") or (lexicon.polarity_class(candidate, also) if also else None)
        if kind:
            return kind
    return None


CONVERSATION_WORDS = {"phone", "video", "telephone", "conference", "virtual"}


def a_conversation(noun) -> bool:
    """'a call with Starmer', 'a phone call between the leaders', 'the video call'."""
    return any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in noun.children) or any(
        c.dep_ in ("compound", "amod") and c.lower_ in CONVERSATION_WORDS for c in noun.children)


def names_something(node) -> bool:
    return node.pos_ == "VERB" and any(c.dep_ in ("dobj", "oprd") for c in node.children) and not any(
        c.dep_ == "prep" and c.lower_ in ("for", "on") for c in node.children)


def naming_class(node, lexicon: Lexicon) -> str | None:
    """'called the plan unrealistic', 'called it a mistake', 'called the deployment "complex
    and not very effective"' (parsed as adjectives after the noun): the class of what it is
    called, never a call for it."""
    objects = [c for c in node.children if c.dep_ in ("dobj", "oprd") and c.pos_ in ("NOUN", "PROPN", "PRON")]
    words = [c for c in node.children if c.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "attr") and c not in objects[:1]]
    if objects:  # adjectives after the object that modify nothing after them (quotes confuse the parse)
        words += [t for t in node.subtree if t.pos_ == "ADJ" and t.i > objects[0].i and t.head.i < t.i]
    for word in words:
        kind = lexicon.polarity_class(word.lemma_, "ADJ") or noun_phrase_class(word, lexicon)
        if kind:
            return {"support": "oppose", "oppose": "support"}.get(kind, kind) if is_negated(word) else kind
    return None


def _group_noun(word):
    """The noun a group word stands for: 'one of the root causes', 'among the supporters'."""
    if word.lower_ in ("one", "among"):
        return next((g for p in ((word,) if word.lower_ == "among" else
                                 [c for c in word.children if c.dep_ == "prep" and c.lower_ == "of"])
                     for g in p.children if g.dep_ == "pobj"), word)
    return word


DISCUSSION = {"discussion", "debate", "negotiation", "negotiations", "talks"}
QUESTIONS = {"issue", "question", "matter"}


def _left_open(node) -> bool:
    """'are open for discussion', 'is up for debate', 'remains a matter for negotiation', 'the
    issue of guarantees remains open'."""
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in QUESTIONS for c in node.children) and any(
            c.dep_ == "acomp" and c.lemma_.lower() in ("open", "unresolved", "undecided") for c in node.children):
        return True
    for child in node.children:
        if child.dep_ not in ("acomp", "attr", "advmod", "prt", "prep"):
            continue
        preps = [c for c in child.children if c.dep_ == "prep"] + ([child] if child.dep_ == "prep" else [])
        if any(p.lower_ in ("for", "to", "of") and any(g.dep_ == "pobj" and g.lemma_.lower() in DISCUSSION for g in p.children)
               for p in preps):
            return True
    return False


AGENDA_NOUNS = QUESTIONS | {"priority", "topic"}
NOW_WORDS = {"now", "currently", "today"}


def _timed_now(node, lexicon: Lexicon) -> bool:
    clause = f" {' '.join(t.lower_ for t in node.subtree if not t.is_quote)} "
    return any(f" {phrase} " in clause for phrase in (*lexicon.for_now, *NOW_WORDS))


def _judged_by_adjective(noun, lexicon: Lexicon) -> str | None:
    """'an ineffective option', 'a very difficult, risky and ineffective option': the class of the
    first adjective (or adjective in its list) that has one."""
    return next((kind for a in noun.children if a.dep_ == "amod" for j in (a, *a.conjuncts)
                 if (kind := lexicon.polarity_class(j.lemma_, "ADJ")) in ("support", "oppose")), None)


BEST_WAYS = {"only", "best", "surest", "right", "reliable", "effective", "fastest", "quickest"}
WAYS = {"way", "path", "means", "route", "step", "tool", "instrument", "solution", "answer", "remedy"}


# copulas that take their judgement from the infinitive after them
RAISING = {"seem", "appear", "look"}


def copular_class(node, lexicon: Lexicon) -> str | None:
    # 'the only way … is by opening accession talks', 'inviting Ukraine is a reliable way to …':
    # a best way backs what it is; 'is not the only way' says only that others exist
    way = next((c for c in node.children if c.dep_ in ("nsubj", "attr") and c.lemma_.lower() in WAYS), None)
    if way is not None and any(m.lower_ in BEST_WAYS for m in way.children):
        return None if is_negated(node) else "support"
    if _left_open(node):  # a question kept open (mixed); 'not open for discussion' rules it out, negated by the caller
        if any(t.lower_ == "during" and t.dep_ == "prep" for t in node.subtree):
            return None  # 'was a key question of discussion during the meeting': what was discussed there
        return "support" if is_negated(node) else "mixed"
    for child in node.children:
        if child.dep_ == "attr" and child.lemma_.lower() == "option" \
                and any(m.lower_ in ("only", "sole") for m in child.children):
            return None if is_negated(node) else "support"  # 'membership is the only option': nothing else will do
        if child.dep_ == "attr" and child.lemma_.lower() in ("option", "possibility"):
            # 'is an option', 'remains only a possibility' keep it open (mixed); 'is not an option'
            # rules it out: this is returned as support for the caller to negate, as 'not on the agenda' below;
            # an adjective that judges the option gives its own class ('an ineffective option')
            return _judged_by_adjective(child, lexicon) or ("support" if is_negated(node) else "mixed")
        if child.dep_ == "attr" and child.lemma_.lower() in AGENDA_NOUNS and is_negated(node) and _timed_now(node, lexicon):
            return "support"  # 'is not the question for right now', 'not a fundamental issue at the moment'
        if child.dep_ == "xcomp" and child.lemma_.lower() in COPULAS and node.lemma_.lower() in RAISING:
            kind = copular_class(child, lexicon)  # 'appears to be a serious risk', 'seems to be a mistake'
            if kind:
                return kind
        if child.dep_ in ("acomp", "attr", "oprd") or child.dep_ == "prep" and child.lower_ == "among":
            if child.lemma_.lower() in ("likely", "probable") and any(g.dep_ == "xcomp" for g in child.children):
                continue  # 'is likely to be a topic at the summit' forecasts the infinitive, not the subject
            child = _group_noun(child)  # 'one of the root causes', 'among the root causes'
            kind = foreshadowed_class(child, lexicon) or lexicon.polarity_class(child.lemma_, child.pos_)
            kind = kind or (noun_phrase_class(child, lexicon) if child.pos_ == "NOUN" else None)  # 'a root cause'
            modifiers = [m for m in child.children if m.dep_ in ("amod", "compound")]
            modifiers += [g for m in modifiers for g in m.children if g.dep_ == "amod" and m.dep_ == "compound"
                          or g.dep_ == "conj" and m.dep_ == "amod"]  # 'a frightening and provocative one'
            for modifier in modifiers:  # 'a realistic outcome', 'the worst-case scenario'
                kind = kind or lexicon.polarity_class(modifier.lemma_, "ADJ")
            if kind:
                return kind
        if child.dep_ == "prep" and child.lower_ == "against":
            return "oppose"
        kind = _prepositional_class(child, lexicon) if child.dep_ == "prep" else None
        if kind:
            return kind  # 'is out of the question (for now)'
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in ("favour", "favor") for g in child.children):
            return "support"  # 'be in favour of'
        places = [g.lemma_.lower() for g in child.children if g.lemma_.lower() in ("table", "agenda")]
        if child.dep_ == "prep" and child.lower_ in ("on", "off") and places:
            on = (child.lower_ == "on") != any(g.dep_ == "neg" for g in child.children)  # '"not on the table"'
            if not on:
                return "oppose"  # 'off the table'
            if "table" in places and not is_negated(node):
                return "mixed"  # 'still on the table': an option kept open, not a wish
            return "support"  # 'on the agenda'; 'was not on the table' is this, negated by the caller
    if any(c.dep_ == "attr" for c in node.children) and any(
            c.lemma_.lower() in lexicon.equating and (c.dep_ == "attr" or c.dep_ == "nsubj" and _singled_out(c))
            for c in node.children):
        return "support"  # 'membership is a guarantee', 'the only guarantee that works is membership'
    subject = next((c for c in node.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if subject is not None and any(c.dep_ == "attr" for c in node.children) and not is_negated(node) and \
            any(m.dep_ == "amod" for m in subject.children):
        # 'a red flag is NATO admission': the subject judges what is named ('the biggest threat is
        # not accession' judges nothing about accession)
        return noun_phrase_class(subject, lexicon)
    return None


# nouns of someone's own pursuit: its owner holds it ('Ukraine's bid', 'Kyiv's aspirations')
PURSUITS = {"application", "bid", "intention", "desire", "aspiration", "aspirations", "ambition", "ambitions", "request",
             "quest", "drive", "attempt", "attempts", "pursuit", "effort", "efforts", "push", "hope", "hopes"}
# of those, what a state seeks for itself; not 'push', 'efforts' or 'pressure', which are made for others
WARRANTS = {"reason", "need"}  # 'there is every reason to …' says it should be done
OWN_PURSUITS = {"bid", "application", "aspiration", "aspirations", "ambition", "ambitions", "quest"}
EXCLUSIVE = {"only", "sole", "single"}  # 'the only guarantee' rules the others out


def _singled_out(noun) -> bool:
    """'the only guarantee', 'the cheapest guarantee', 'the most reliable guarantee': a subject
    that picks out what the copula names ('… is membership'), not one it describes ('… are a farce')."""
    modifiers = [c for c in noun.children if c.dep_ == "amod"]
    return any(m.tag_ == "JJS" or m.lower_ in EXCLUSIVE | {"best", "ultimate"}
               or any(a.lower_ == "most" for a in m.children) for m in modifiers)


def _prepositional_class(prep, lexicon: Lexicon) -> str | None:
    """The longest opening of a prepositional phrase that the adjective lexicon holds."""
    words = [t.lower_ for t in prep.subtree]
    return next((kind for n in range(len(words), 1, -1)
                 if (kind := lexicon.polarity_class(" ".join(words[:n]), "ADJ"))), None)


def proposes(verb) -> bool:
    """'suggested extending Article 5 protections to Ukraine': a speech verb with a gerund is a
    proposal, not a report ('suggested that …')."""
    return verb.lemma_.lower() in ("suggest", "recommend") and any(
        c.dep_ == "xcomp" and c.tag_ == "VBG" for c in verb.children)
