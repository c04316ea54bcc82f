"""Question-and-answer interviews: who answers, and what a bare 'Yes.' or 'No.' answers.

In an interview printed as questions and answers no sentence of an answer names its speaker:
the introduction names the interviewee once. The interviewer's questions assert nothing;
an answer that opens with 'Yes' or 'No' takes a position on what the question asked."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .actors import Mention
from .segment import Sentence

MIN_QUESTIONS = 2  # question paragraphs before an article counts as an interview
MAX_QUESTION_SENTENCES = 3
_YES = re.compile(r"^\W*(?:yes|yeah|absolutely|of course|certainly|definitely|indeed)\b(?!\s+not\b)", re.IGNORECASE)
_NO = re.compile(r"^\W*(?:no|not at all|absolutely not|certainly not|of course not|definitely not)\b(?![\s-]+one\b)",
                 re.IGNORECASE)


@dataclass
class Interview:
    interviewee: str | None = None
    questions: set[int] = field(default_factory=set)  # sentence indices of the interviewer's questions
    answers: set[int] = field(default_factory=set)  # paragraphs spoken by the interviewee
    answered: dict[int, int] = field(default_factory=dict)  # question sentence -> +1 (yes) or -1 (no)
    turns: dict[int, str] = field(default_factory=dict)  # paragraph -> the person a transcript's label gives it to

    def speaker_of(self, sentence: Sentence) -> str | None:
        if sentence.paragraph in self.turns:
            return self.turns[sentence.paragraph]
        return self.interviewee if sentence.paragraph in self.answers else None


def interview_turns(sentences: list[Sentence], mentions: dict[int, list[Mention]],
                    in_quotation: Callable[[Sentence], bool]) -> Interview:
    """The questions of an article, and the turns of a question-and-answer interview: who
    answers (the person the introduction names) and which answers open with 'Yes' or 'No'."""
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    questions = {s.index for s in sentences if _asks(s) and not in_quotation(s)}  # a question asserts nothing
    turns = _labelled_turns(by_paragraph, mentions)
    if turns:
        return Interview(None, questions, turns=turns)
    asking = [p for p, group in by_paragraph.items() if _is_question(group, in_quotation)]
    interviewee = _first_person(sentences, mentions, before=asking[0]) if len(asking) >= MIN_QUESTIONS else None
    interview = Interview(interviewee, questions)
    if interviewee is None:
        return interview
    order = sorted(by_paragraph)
    for paragraph in asking:
        following = [p for p in order if p > paragraph]
        for answer in following:
            if answer in asking:
                break
            interview.answers.add(answer)
        if following and following[0] not in asking:
            sign = _yes_or_no(by_paragraph[following[0]][0].text)
            if sign:
                for question in (s.index for s in by_paragraph[paragraph] if s.index in interview.questions):
                    interview.answered[question] = sign
    return interview


def _asks(sentence: Sentence) -> bool:
    return sentence.text.rstrip(" \"”’'").endswith("?")


def _is_question(group: list[Sentence], in_quotation: Callable[[Sentence], bool]) -> bool:
    last = group[-1]
    return len(group) <= MAX_QUESTION_SENTENCES and _asks(last) and not in_quotation(last)


def _first_person(sentences: list[Sentence], mentions: dict[int, list[Mention]], before: int) -> str | None:
    for sentence in sentences:
        if sentence.paragraph >= before:
            return None
        people = [m for m in mentions.get(sentence.index, []) if m.is_person]
        if people:
            return min(people, key=lambda m: m.start).actor
    return None


def _yes_or_no(text: str) -> int:
    if _YES.match(text):
        return 1
    if _NO.match(text):
        return -1
    return 0


_LABEL = re.compile(r"^\s*[^:\n]{2,60}:\s*$")
_LEAD_IN = re.compile(r"^\s*[^:\n]{2,160}:\s*$")  # 'US envoy Keith Kellogg on Ukraine not joining NATO:'


def _labelled_turns(by_paragraph: dict[int, list[Sentence]], mentions: dict[int, list[Mention]]) -> dict[int, str]:
    """A transcript: a paragraph that is only a person's name and a colon ('Jens Stoltenberg:')
    gives the paragraphs after it to that person, up to the next such label."""
    turns: dict[int, str] = {}
    speaker = None
    for paragraph in sorted(by_paragraph):
        group = by_paragraph[paragraph]
        people = [m for s in group for m in mentions.get(s.index, []) if m.is_person]
        if len(group) == 1 and _LABEL.match(group[0].text) and _only_the_name(group[0], people):
            speaker = people[0].actor if len(people) == 1 else None  # an unnamed 'Interviewer:' ends a turn
            continue
        if speaker is not None:
            turns[paragraph] = speaker
        elif len(group) == 1 and _LEAD_IN.match(group[0].text) and len({m.actor for m in people}) == 1:
            lead_in = people[0].actor  # a line that introduces what one person said gives them the next paragraph
            following = [p for p in sorted(by_paragraph) if p > paragraph]
            if following:
                turns[following[0]] = lead_in
    return turns


def _only_the_name(sentence: Sentence, people: list[Mention]) -> bool:
    """'Jens Stoltenberg:' or 'Interviewer:', not a lead-in that says more ('Kellogg on NATO:')."""
    rest = sentence.text
    for person in people:
        rest = rest.replace(person.text, "")
    return len({m.actor for m in people}) != 1 or len(rest.strip(" :\n").split()) <= 3
