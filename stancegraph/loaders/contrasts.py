"""What a cue is set against in its own phrase: put aside ('rather than membership'), replaced
('in lieu of membership'), compared behind ('better than membership'), denied in a contrast ('but
not membership') or under 'no' ('no invitation')."""

from __future__ import annotations

from .lexicon import Lexicon


def put_aside(doc, first: int) -> bool:
    """A cue right after 'rather than' or 'instead of' is what the claim is not about, as is one
    after 'other than' ('rejects any formats other than membership'), except after 'nothing', which
    makes 'nothing other than' a plain 'only'."""
    if _right_after(doc, first, ("rather than", "instead of")):
        return True
    return _right_after(doc, first, ("other than",)) \
        and not _right_after(doc, first, ("nothing other than", "none other than"))


def substituted(doc, first: int) -> bool:
    """'a guarantee could be offered in lieu of NATO membership': what something would replace
    is described, not wanted or refused (the development gold codes no position on it, d22)."""
    return _right_after(doc, first, ("in lieu of", "in place of"))  # not "would not accept … as a substitute for" (16)


def _right_after(doc, first: int, phrases: tuple[str, ...]) -> bool:
    before = " ".join(t.lower_ for t in doc[max(0, first - 4):first])
    return any(before.endswith(p) or f"{p} " in f"{before} " for p in phrases)


def compared_against(head) -> bool:
    """'much more effective than sending peacekeepers', 'better than membership': the option a
    comparison puts behind, as 'rather than' does."""
    for node in (head, *head.ancestors):
        if node.dep_ == "prep" and node.lower_ == "than":
            judged = node.head
            return judged.tag_ in ("JJR", "RBR") or any(c.lower_ in ("more", "less") for c in judged.children)
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("pcomp", "pobj"):
            return False
    return False


def contrasted_away(head) -> bool:
    """A conjunct or apposition whose 'not' the parser hung elsewhere is the part denied:
    'promises guarantees but not swift accession', 'wants guarantees, not membership' ('not' on
    the conjunct itself is read where it is visited)."""
    if head.dep_ == "appos":
        return any(c.dep_ == "neg" and head.head.i < c.i < head.i for c in head.head.children)
    if head.dep_ != "conj":
        return False
    modifiers = (c for c in head.children if c.i < head.i and c.dep_ in ("amod", "compound", "nmod"))
    return any(g.dep_ == "neg" for m in modifiers for g in m.children)


def denied_by_no(doc, cue_tokens: list[int], lexicon: Lexicon) -> bool:
    """A noun of the cue under 'no' (existential nouns such as 'no place' count where visited)."""
    return any(c.dep_ == "det" and c.lower_ == "no" and doc[i].lemma_.lower() not in lexicon.negated_existentials
               for i in cue_tokens for c in doc[i].children)
