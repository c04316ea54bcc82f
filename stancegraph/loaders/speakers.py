"""Who speaks where: quotations and their speakers, the frames a sentence's tokens fall in
beyond its own speech verbs, and the attribution of a claim to its holder and speaker."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..model import JOURNALIST
from .actors import ActorIndex
from .attribution import Frame, colon_label
from .back_references import says_the_sentence_before
from .found_names import name_like
from .quotations import CLOSING_MARKS, Regions
from .segment import Sentence
from .walk import Claim


def person_speaker(frames: list[Frame], index: ActorIndex) -> str | None:
    for frame in frames:
        entry = index.entry(frame.speaker) if frame.speaker else None
        if frame.kind == "speech" and (entry is None and frame.speaker or entry and entry.type == "Person"):
            return frame.speaker
    return None


def region_of(sentence: Sentence, regions: Regions) -> tuple[int, int] | None:
    return regions.around(sentence.start, sentence.end)


def quote_speakers(regions: Regions, analysed, labels: dict[tuple[int, int], str] | None = None,
                   joint: dict[tuple[int, int], tuple[str, ...]] | None = None) -> dict[tuple[int, int], str]:
    """A quotation's speaker: the speech verb beside it, before or after; failing that, the one
    named before the colon that opens it ('Quote from Duda: "…"', or a line of its own, see
    `labelled_quotations`), or the speaker of the sentence just before it in the same paragraph
    ('“…,” Stoltenberg said. “…”'). Where the speech verb has several speakers ('said the foreign
    ministers of Britain, France and Germany'), the others go into `joint`: a 'we' in the
    quotation is all of them."""
    speakers: dict[tuple[int, int], str] = dict(labels or {})
    ends = [sentence.end for sentence, *_ in analysed]  # in text order, so they only grow
    for region in regions:
        first = bisect_left(ends, region[0])  # the first sentence that does not end before it
        previous, labelled = None, None
        for sentence, _, _, frames in analysed[max(0, first - 1):first + 1]:
            if sentence.end <= region[0]:
                previous = (sentence, frames)
        for sentence, doc, resolver, frames in analysed[first:]:
            if sentence.start > region[1] + 1:
                break
            labelled = labelled or colon_speaker(sentence, doc, resolver, region[0])
            for frame in frames:
                verb_at = sentence.start + doc[frame.verb].idx if frame.verb is not None else -1
                if frame.speaker and frame.kind == "speech" and not region[0] <= verb_at < region[1]:
                    if region not in speakers and joint is not None and frame.also:
                        joint[region] = frame.also
                    speakers.setdefault(region, frame.speaker)
        if region not in speakers and labelled:
            speakers[region] = labelled
        if region not in speakers and previous is not None:
            before = [f.speaker for f in previous[1] if f.kind == "speech" and f.speaker]
            if before:
                speakers[region] = before[-1]
    return speakers


# 'Statement by former NATO Secretary General Anders Fogh Rasmussen on …': a press release's heading
STATEMENT_HEADING = re.compile(r"(?:(?:joint|press|official|written|video) )?(?:statement|remarks|speech|address|message)"
                               r" (?:by|of|from)\b", re.IGNORECASE)


def labelled_quotations(text: str, regions: Regions, sentences: list[Sentence], mentions) -> dict[tuple[int, int], str]:
    """'Jens Stoltenberg:' closing one paragraph and a quotation opening the next: the name
    before the colon is the speaker, as in a transcript. Only a label of one actor and a few
    words ('NATO Secretary General Jens Stoltenberg:'), never a clause; or a heading that says
    whose statement follows ('Statement by … Anders Fogh Rasmussen on …'), its first person."""
    labels = {}
    for sentence in sentences:
        found = mentions[sentence.index]
        heading = STATEMENT_HEADING.match(sentence.text.strip())
        people = [m.actor for m in found if m.is_person]
        if heading and people:
            actors = {people[0]}
        elif not sentence.text.rstrip().endswith(":"):
            continue
        else:
            actors = {m.actor for m in found}
            outside = re.sub(r"\s+", " ", "".join(c for i, c in enumerate(sentence.text, sentence.start)
                                                if not any(m.start <= i < m.end for m in found)))
            if len(actors) != 1 or len(outside.strip(" :").split()) > 3:
                continue
        region = regions.around(sentence.end, len(text))  # the next quotation after the label
        if region and region[0] >= sentence.end and not text[sentence.end:region[0]].strip():
            labels[region] = actors.pop()
    return labels


def colon_speaker(sentence: Sentence, doc, resolver, quote_start: int) -> str | None:
    """'Quote from Duda: "…"', 'Stoltenberg: "…"': the one named just before the colon that opens
    the quotation."""
    if doc is None or not sentence.start <= quote_start <= sentence.end:
        return None
    before = [t for t in doc if sentence.start + t.idx < quote_start]
    if not before or before[-1].text != ":":
        return None
    return colon_label(doc, before[-1], resolver) or _introducing_subject(before[-1], resolver)


def _introducing_subject(colon, resolver) -> str | None:
    """'Sybiha called on NATO: "I urge you …"', 'Duda wrote on X: "…"': a clause that ends in the
    colon opening a quotation introduces it, whatever its verb; its one named subject speaks."""
    verb = colon.doc[colon.i - 1] if colon.i > 0 else None
    while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.head.i < colon.i:
        verb = verb.head  # from the word before the colon up to its clause's verb
    verb = verb if verb is not None and verb.pos_ in ("VERB", "AUX") else None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []
    named = {a for subject in subjects for a in resolver.actors(subject)}
    return named.pop() if len(named) == 1 else None


def with_context_frames(doc, sentence: Sentence, frames: list[Frame], quote_speaker: str | None,
                         paragraph_speaker: str | None) -> list[Frame]:
    """Tokens no speech verb covers are said by the quotation's speaker, or continue the
    paragraph's speaker ('He said … . Even if …, the possibility … could be referenced.')."""
    covered = set().union(*(f.content for f in frames)) if frames else set()
    rest = frozenset(t.i for t in doc if t.i not in covered)
    if quote_speaker and rest:
        return [*frames, Frame(quote_speaker, None, rest, "quote")]
    if paragraph_speaker and rest and not any(f.kind == "speech" for f in frames):
        return [*frames, Frame(paragraph_speaker, None, rest, "continued")]
    return frames


def attribution_of(claim: Claim, holder: str, affiliated=lambda speaker, holder: False) -> tuple[str, str]:
    speaker = claim.frame.speaker if claim.frame else None
    if claim.frame and holder in claim.frame.speakers:
        return holder, "self"
    if speaker == holder or (speaker is None and claim.self_stated):
        return holder, "self"
    if speaker is not None and affiliated(speaker, holder):
        return speaker, "self"  # a minister or spokesperson stating the government's position
    if speaker is None:
        return JOURNALIST, "reported"
    return speaker, "reported"


def unclosed_quotation(text: str, regions) -> bool:
    """A quotation region that ends without a closing mark."""
    return any(text[end - 1:end] not in CLOSING_MARKS for _, end in regions)


def said_in_the_next_sentence(analysed, lexicon) -> dict[int, str]:
    """Sentences whose speaker the next one names ('NATO should consider … . This was said by
    Petr Pavel …'): sentence index -> speaker."""
    said = {}
    for (before, *_), (sentence, doc, resolver, _) in zip(analysed, analysed[1:]):
        if sentence.index == before.index + 1:
            speaker = says_the_sentence_before(doc, resolver, lexicon) or (
                _writer_closing(sentence, resolver) if sentence.paragraph == before.paragraph else None)
            if speaker:
                said[before.index] = speaker
    return said


_WRITES_CLOSING = re.compile(r",\s*(?:writes|wrote)\s+[^,]{2,80}?\.?\s*$")


def _writer_closing(sentence, resolver) -> str | None:
    """'…, the time to do so is clearly now, writes Raimond Kaljulaid.' closing an opinion
    piece's first paragraph: the writer's is the paragraph before it, too."""
    closing = _WRITES_CLOSING.search(sentence.text)
    if closing is None:
        return None
    start = sentence.start + closing.start()
    # a writer the recogniser has not typed a person yet is still a name
    people = [m.actor for m in resolver.mentions if m.start >= start and (m.is_person or name_like(m.text))]
    return people[0] if len(people) == 1 else None


def signed_quotations(analysed) -> dict[int, str]:
    """Sentences of a paragraph signed by the line after it ('"… we will never send our troops
    to Ukraine …"' then '– Andrej Babiš'): sentence index -> the signer, who speaks its quotation."""
    signed = {}
    for (before, *_), (sentence, doc, resolver, _) in zip(analysed, analysed[1:]):
        signer = _signed_line(sentence, resolver) if sentence.paragraph != before.paragraph else None
        if signer:
            signed.update({s.index: signer for s, *_ in analysed if s.paragraph == before.paragraph})
    return signed


_SIGNATURE = re.compile(r"^\s*[–—-]\s*\S")


def _signed_line(sentence, resolver) -> str | None:
    """A line that is only a dash and one person's name, under a quotation ('– Andrej Babiš')."""
    if not _SIGNATURE.match(sentence.text) or len(sentence.text.split()) > 6:
        return None
    people = {m.actor for m in resolver.mentions if m.is_person}
    return people.pop() if len(people) == 1 else None
