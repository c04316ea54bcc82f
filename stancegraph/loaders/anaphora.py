"""Stances whose topic is named in an earlier sentence: 'Germany remains wary of going too far',
'Washington opposed the move', 'Anything less would be a disappointment to Ukraine'."""

from __future__ import annotations

import dataclasses

from .attribution import DASHES
from .negation import is_negated
from .predicates import predicate_class
from .holders import DOCUMENTS, joined_partners, subject_of
from .cue_context import innermost_frame
from .signatories import SIGNING
from .walk import Claim, Context, _apply, _claim, _Walk


DELAYS = {"delay", "postponement", "hesitation", "absence", "lack", "refusal"}
PARTS_OF = {"much", "some", "most", "all", "many", "part"}
ANAPHORIC_NOUNS = {"move", "idea", "plan", "proposal", "step", "request", "bid", "prospect", "offer", "decision",
                   "option", "suggestion", "initiative", "demand", "call", "push", "course", "line", "approach",
                   "arrangement", "compromise", "solution", "model", "scheme", "formula"}


def anaphoric_claims(ctx: Context, previous_polarity: str | None = None, inherent: str | None = None,
                     believed: bool = False) -> list[Claim]:
    """Main-clause predicates with a named subject that take a position on 'it' or on nothing
    named, or that repeat the position just reported ('Germany has taken a similar line'). What
    'it' stands for may carry its own polarity: 'neither NATO nor the US were prepared to do
    that', after 'having Ukraine come into NATO while the war is going on', backs waiting. After
    what others are said to believe ('they still think that inviting Ukraine will lead to
    escalation'), 'this is a mistake' judges the belief, not the topic: no reading is guessed."""
    claims = []
    for node in ctx.doc:
        if not _main_predicate(node, ctx):
            continue
        judged = _experiencer(node, ctx) or (_stance_predicate(node, ctx) if _takes_it_or_nothing(node, ctx) else None)
        same = None if judged else _same_position(node, ctx, previous_polarity)
        judged = judged or (None if same or believed else _speaker_on_anaphor(node, ctx))
        if judged:
            claims.append(judged.answered_no() if inherent == "oppose" else judged)
        elif same:
            claims.append(same)
    return claims


def believed_by_others(doc, tokens, ctx: Context) -> bool:
    """A cue inside what a third party is said to think ('The problem is that they still think
    that inviting Ukraine … will lead to escalation'): a belief reported, not the speaker's."""
    for clause in doc[min(tokens)].ancestors:
        if clause.lemma_.lower() in ctx.lexicon.belief | {"claim", "argue", "fear"}:
            subject = subject_of(clause, ctx.lexicon)  # 'they', 'some leaders': others than the one speaking
            return subject is not None and (subject.lower_ in ("they", "some", "others", "many")
                                            or subject.tag_ == "NNS" and not ctx.resolver.actors(subject))
    return False


def _main_predicate(node, ctx: Context) -> bool:
    if node.dep_ == "ROOT" or node.dep_ == "conj" and node.head.dep_ == "ROOT" and node.pos_ == "VERB" \
            and any(c.dep_ == "nsubj" for c in node.children):
        return True  # '…, and Trump has already ruled it out': a main clause of its own
    return any(node.i in f.content and f.verb is not None and node.head.i == f.verb for f in ctx.frames)


def _stance_predicate(node, ctx: Context, speech_too: bool = False) -> Claim | None:
    lexicon = ctx.lexicon
    kind = predicate_class(node, lexicon)
    if kind is None or (node.lemma_.lower() in lexicon.speech and kind != "mixed" and not speech_too):
        return None  # 'rejected' alone reports a speech; 'rejected it' after the topic's clause is the position
    subject = subject_of(node, ctx.lexicon)
    if ctx.resolver.kind(subject) != "actor":
        return None
    actors = ctx.resolver.actors(subject)
    if set(actors) <= ctx.themes and node.lemma_.lower() not in lexicon.volition:
        return None
    walk = _Walk(sign=1)
    _apply(node, kind, walk, lexicon)
    return _claim(tuple(actors), walk, innermost_frame(ctx.frames, node.i), node, lexicon)


def conjoined_claims(ctx: Context, cue_tokens: set[int]) -> list[Claim]:
    """'The US wanted to bring Ukraine in, but France and Germany opposed it': a clause joined to
    the one that names the topic takes a position on 'it' with a named subject of its own."""
    claims = []
    for node in ctx.doc:
        if node.dep_ != "conj" or node.pos_ != "VERB" or not _main_predicate(node.head, ctx) \
                or any(t.i in cue_tokens for t in node.subtree) or not any(t.i in cue_tokens for t in node.head.subtree):
            continue
        if not any(c.dep_ == "dobj" and c.pos_ == "PRON" and _anaphoric_noun(c, ctx) for c in node.children):
            continue  # only an explicit 'it', 'this', 'that': 'but Germany objected' may object to something else
        claim = _stance_predicate(node, ctx, speech_too=True) if _takes_it_or_nothing(node, ctx) else None
        if claim:
            partners = tuple(a for a in joined_partners(node, ctx.resolver) if a not in claim.holders)
            claims.append(dataclasses.replace(claim, holders=claim.holders + partners))  # '…, along with Spain, …'
    return claims + _judged_after_cue(ctx, cue_tokens)


def _judged_after_cue(ctx: Context, cue_tokens: set[int]) -> list[Claim]:
    """'He highlighted the challenges of Ukraine's membership, stating that it may not be a
    realistic outcome': a later clause of the sentence judges the topic by a pronoun."""
    first_cue = min(cue_tokens)
    claims = []
    for node in ctx.doc:
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ != "it" or subject.i < first_cue \
                or any(t.i in cue_tokens for t in node.subtree):
            continue
        claim = _speaker_on_anaphor(node, ctx, frozenset(cue_tokens))
        if claim:
            claims.append(claim)
    return claims


PLURAL_PRONOUNS = frozenset({"they", "these", "those"})


def _speaker_on_anaphor(node, ctx: Context, cue_tokens=frozenset()) -> Claim | None:
    """'Stubb said such an arrangement deserved serious study', 'Scholz said the idea was
    premature': a judgement on what the last sentence proposed is the speaker's position."""
    frame = innermost_frame(ctx.frames, node.i)
    subject = subject_of(node, ctx.lexicon)
    if frame is None or frame.speaker is None or subject is None or subject.pos_ == "PRON" and \
            subject.lower_ not in ("that", "this", "they", "these", "those") \
            and not _referring_it(subject, node, ctx, cue_tokens):
        return None  # 'it' is often expletive ('it was clear that …'); 'That is a veto' is not
    if not _anaphoric_noun(subject, ctx):
        return None
    if subject.lower_ in PLURAL_PRONOUNS and not _takes_it_or_nothing(node, ctx):
        return None  # 'they are planning further deliveries': people planning something named, not a step judged
    kind = predicate_class(node, ctx.lexicon)
    if kind is None or node.lemma_.lower() in ctx.lexicon.speech:
        return None
    walk = _Walk(sign=1)
    _apply(node, kind, walk, ctx.lexicon)
    return _claim(frame.speakers, walk, frame, node, ctx.lexicon)


def _referring_it(subject, predicate, ctx: Context, cue_tokens=frozenset()) -> bool:
    """'it may not be a realistic outcome' refers; 'it is clear that …', 'it is not realistic to
    expect …' do not (an 'it' whose copula takes a clause of its own), nor 'it expects
    guarantees' (a body's 'it'). It refers to the topic only where no other thing is named
    before it: in the topic's own sentence the last noun before it is the cue's ('the challenges
    of Ukraine's membership, stating that it …'), in the next sentence there is none ('He said
    it was …', not 'stressed the post-war period, arguing it is more important')."""
    if subject.lower_ != "it" or predicate.lemma_ != "be":
        return False
    clausal = ("ccomp", "xcomp", "csubj", "advcl")
    if not any(c.dep_ in ("acomp", "attr") for c in predicate.children) or any(
            c.dep_ in clausal or c.dep_ in ("acomp", "attr") and any(g.dep_ in clausal for g in c.children)
            for c in predicate.children):
        return False
    nouns = [t for t in ctx.doc[:subject.i] if t.pos_ in ("NOUN", "PROPN") and not ctx.resolver.actors(t)]
    return nouns[-1].i in cue_tokens if nouns and cue_tokens else not nouns


def _takes_it_or_nothing(node, ctx: Context, depth: int = 0) -> bool:
    """'opposed the move', 'remains wary of going too far', 'objected': no complement that names
    something else ('wanted to avoid a confrontation' is about the confrontation)."""
    for child in node.children:
        nested_subject = depth > 0 and child.dep_ in ("nsubj", "nsubjpass")  # 'wanted the war to end'
        if child.dep_ == "dobj" and child.lower_ in ("other", "another"):
            return False  # 'want to meet each other': the meeting is what is wanted
        if (child.dep_ in ("dobj", "pobj", "attr") or nested_subject) and child.pos_ in ("NOUN", "PROPN", "PRON"):
            if not _anaphoric_noun(child, ctx):
                return False
        elif child.dep_ == "dobj" and child.pos_ in ("NUM", "ADJ", "ADV"):
            if not _takes_it_or_nothing(child, ctx, depth):
                return False  # an object the parser took for a number has its own ('meet one-on-one with Putin')
        elif child.dep_ in ("xcomp", "pcomp", "ccomp", "acomp") or (child.dep_ == "prep" and depth < 3) \
                or (child.dep_ == "acl" and child.pos_ in ("VERB", "AUX") and node.pos_ == "NOUN"):
            # a stance noun's own infinitive is its content: 'his intention to visit Moscow'
            if child.lemma_.lower() in ctx.lexicon.speech:
                return False  # 'declined to comment' takes no position
            if depth >= 3 or not _takes_it_or_nothing(child, ctx, depth + 1):
                return False
    return True


def _anaphoric_noun(noun, ctx: Context) -> bool:
    text = " ".join(t.lower_ for t in noun.subtree)
    if noun.pos_ == "PRON":
        return noun.lower_ in ("it", "this", "that", "these", "those", "them", "they")
    if ctx.resolver.actors(noun):
        return False
    determiners = {c.lower_ for c in noun.children if c.dep_ in ("det", "predet")}
    return noun.lemma_.lower() in ANAPHORIC_NOUNS and bool(determiners & {"the", "this", "that", "such", "any"}) \
        and not _described_anew(noun) or text in ctx.lexicon.anaphors


# adjectives that take up what was named before ('the same proposal', 'the French plan')
_TAKING_UP_ADJECTIVES = {"same", "new", "latest", "recent", "whole", "entire", "proposed", "such", "current", "former"}


def _described_anew(noun) -> bool:
    """'seize the strategic initiative', 'the military plan', 'freeze the current lines of control':
    an adjective or an of-phrase that says which one names something else, not the step just
    reported (a nationality takes it up: 'the French plan')."""
    return any(c.dep_ == "amod" and c.lower_ not in _TAKING_UP_ADJECTIVES and c.ent_type_ != "NORP"
               for c in noun.children) or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") for g in c.children)
        for c in noun.children)


def backing_claims(ctx: Context, positions: dict[str, tuple[str, str]],
                   cue_tokens: frozenset = frozenset()) -> list[tuple[Claim, str]]:
    """'Poland and the Baltic states have backed Washington': the backed actor's latest position
    (topic, polarity) in the article becomes the backers' own. In a sentence with cues of its
    own, only a backing verb whose clause holds none of them ('…, and Sarkozy backed her')."""
    found = []
    for node in ctx.doc:
        if not _main_predicate(node, ctx) and not (cue_tokens and node.dep_ == "conj") or node.pos_ != "VERB":
            continue
        if cue_tokens and any(t.i in cue_tokens for t in node.subtree):
            continue
        rallies = node.lemma_.lower() in ctx.lexicon.rallying
        lined_up = [g for c in node.children if rallies and c.dep_ == "prep" and c.lower_ in ("behind", "with")
                    for g in c.children if g.dep_ == "pobj"]  # 'have lined up behind her'
        if predicate_class(node, ctx.lexicon) != "support" and not lined_up:
            continue
        backed = [a for c in node.children if c.dep_ == "dobj" and not _admitted(c, node) and not _byline(c)
                  for a in ctx.resolver.actors(c)] + [a for g in lined_up for a in ctx.resolver.actors(g)]
        position = next((positions[a] for a in backed if a in positions), None)
        subject = subject_of(node, ctx.lexicon)
        if position is None or ctx.resolver.kind(subject) != "actor":
            continue
        topic, polarity = position
        walk = _Walk(sign=-1 if polarity == "oppose" else 1, mixed=polarity == "mixed", found=node.lemma_.lower())
        holders = tuple(a for a in ctx.resolver.actors(subject) if a not in backed)
        if holders:
            found.append((_claim(holders, walk, innermost_frame(ctx.frames, node.i), node, ctx.lexicon), topic))
    return found


def _byline(obj) -> bool:
    """'… will support countries that do - Tusk': a headline's speaker parsed as an object."""
    return obj.i > 0 and obj.doc[obj.i - 1].text in DASHES


def _admitted(obj, verb) -> bool:
    """'accept Ukraine in NATO', 'welcome Kyiv as a member': letting an actor in, not taking
    its side."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "into", "as") for c in (*obj.children, *verb.children))


def same_position_claims(ctx: Context, previous: str) -> list[Claim]:
    return [c for node in ctx.doc if _main_predicate(node, ctx) and (c := _same_position(node, ctx, previous))]


def _same_position(node, ctx: Context, previous: str | None) -> Claim | None:
    """'took a similar line', 'followed suit', 'shares that view': the position just reported."""
    if previous is None or node.pos_ != "VERB":
        return None
    unchanged = _unchanged_position(node, ctx, previous)
    if unchanged:
        return unchanged
    objects = [c for c in node.children if c.dep_ in ("dobj", "attr")]
    objects += [g for o in objects if o.lower_ in PARTS_OF for p in o.children if p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj"]  # 'shares much of that caution'
    objects = [o for o in objects if o.lemma_.lower() in ctx.lexicon.similar_nouns
               or ctx.lexicon.polarity_class(o.lemma_, "NOUN") == "mixed"
               or o.lemma_.lower() in DOCUMENTS and node.lemma_.lower() in SIGNING]  # 'signed similar declarations'
    alike = [o for o in objects if o.lemma_.lower() == "suit"
             or any(m.lower_ in ("similar", "same", "that", "this", "identical") for m in o.children)]
    subject = subject_of(node, ctx.lexicon)
    if not (alike or _did_likewise(node)) or ctx.resolver.kind(subject) != "actor":
        return None
    wary = any(ctx.lexicon.polarity_class(o.lemma_, "NOUN") == "mixed" for o in alike)  # 'that caution'
    walk = _Walk(sign=-1 if previous == "oppose" else 1, mixed=previous == "mixed" or wary, found=node.lemma_.lower())
    return _claim(tuple(ctx.resolver.actors(subject)), walk, innermost_frame(ctx.frames, node.i), node, ctx.lexicon)


def _did_likewise(verb) -> bool:
    """'Slovakia, Poland and Slovenia followed', 'Lithuania did the same / likewise': doing what
    the sentence before reported, with nothing of one's own to follow or do."""
    lemma, children = verb.lemma_.lower(), list(verb.children)
    if lemma == "follow":
        return not any(c.dep_ in ("dobj", "attr", "ccomp", "xcomp", "prt", "nsubjpass")
                       or c.dep_ == "prep" and c.lower_ in ("with", "by") for c in children)
    return lemma == "do" and any(c.lower_ in ("same", "likewise") and c.dep_ in ("dobj", "advmod") for c in children)


def _unchanged_position(node, ctx: Context, previous: str) -> Claim | None:
    """'a spokesman said this position had not changed', 'that stance remains unchanged': the
    position just reported, held by whoever says so. A possessive ('Britain's position had not
    changed') points at the owner's own earlier position, which need not be the one just
    reported, so it is left alone."""
    lemma = node.lemma_.lower()
    kept = (lemma == "change" and is_negated(node)) or (
        lemma in ("remain", "stay") and any(c.lower_ == "unchanged" for c in node.children))
    subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if not kept or subject is None or subject.lemma_.lower() not in ctx.lexicon.similar_nouns:
        return None
    pointers = {c.lower_ for c in subject.children if c.dep_ == "det"}
    if not pointers & {"this", "that", "the"} or any(c.dep_ == "poss" for c in subject.children):
        return None
    frame = innermost_frame(ctx.frames, node.i)
    holders = frame.speakers if frame is not None and frame.speaker else ()
    if not holders:
        return None
    walk = _Walk(sign=-1 if previous == "oppose" else 1, mixed=previous == "mixed", found=lemma)
    return _claim(holders, walk, frame, node, ctx.lexicon)


def _experiencer(node, ctx: Context) -> Claim | None:
    """'X would be a disappointment to Ukraine': Ukraine's position on X."""
    lexicon = ctx.lexicon
    for attr in (c for c in node.children if c.dep_ == "attr" and c.lemma_.lower() in lexicon.experiencer):
        target = next((g for p in attr.children if p.lower_ in ("to", "for") for g in p.children if g.dep_ == "pobj"), None)
        if target is None or not ctx.resolver.actors(target):
            continue
        subject = subject_of(node, ctx.lexicon)
        words = {t.lower_ for t in subject.subtree} if subject is not None else set()
        text = " ".join(t.lower_ for t in subject.subtree) if subject is not None else ""
        sign = 1 if lexicon.experiencer[attr.lemma_.lower()] == "support" else -1
        if any(p in words or (" " in p and p in text) for p in lexicon.flip_phrases):
            sign = -sign
        if subject is not None and any(lexicon.polarity_class(t.lemma_, "NOUN") == "oppose" or t.lemma_.lower() in DELAYS
                                       for t in subject.subtree):
            sign = -sign  # 'Every delay is a gift to the Kremlin': the Kremlin wants the delay, not the thing
        if is_negated(node):
            sign = -sign
        walk = _Walk(sign=sign, found=attr.lemma_.lower())
        return _claim(tuple(ctx.resolver.actors(target)), walk, innermost_frame(ctx.frames, node.i), node, lexicon)
    return None
