"""The people a poll counts: a public's view is no actor's position, neither its state's nor
that of whoever reports the figure."""

from __future__ import annotations

import re

_POLLED = re.compile(r"\b(?:polls?|surveys?|surveyed|respondents|per ?cent)\b|%", re.IGNORECASE)

# heads that count people rather than name a holder ('a majority of Ukrainians', 'most voters')
_SHARES = frozenset({"%", "percent", "majority", "minority", "most", "half", "third", "thirds", "quarter", "share"})
_PUBLICS = frozenset({"citizens", "voters", "respondents", "electorate", "population", "public"})


def polled_public(mention, text: str) -> bool:
    """'82% of Ukrainians support …', 'Ukrainians express record support …, according to a poll':
    the people a poll counts, not their state."""
    return mention.kind == "demonym" and mention.text.endswith("s") and bool(_POLLED.search(text))


def counted_public(subject) -> bool:
    """'more than 60% of Ukrainians support …', 'most citizens back …' as a subject: a share of a
    public, not the speaker who cites it. 'The majority of Ukraine's friends' are not a public, and
    'the Ukrainian people deserve …' is said of the nation whose cause the speaker argues."""
    head = subject.lower_
    if head in _PUBLICS:
        return True
    return head in _SHARES and (head in ("%", "percent") or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.tag_ == "NNPS" or g.lower_ in _PUBLICS for g in c.children)
        for c in subject.children))
