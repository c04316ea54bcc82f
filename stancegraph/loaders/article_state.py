"""What the extraction pipeline knows of one article while it reads it: sentences, mentions,
cues, parses and quotations found once and looked up many times, the time it may still take,
and the positions its holders have taken so far."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from time import monotonic

from ..errors import InputError
from ..model import Actor, Article, Relation, Stance
from .actors import Mention
from .quotations import Regions, quote_regions
from .dating import told_of_year
from .segment import Sentence


class ArticleTooSlow(InputError):
    """An article that used up its time budget; the batch goes on without it."""

    def __init__(self, seconds: float):
        super().__init__(f"gave up after {seconds:g} s of extraction (the per-article time limit; "
                         "raise it with --max-article-seconds)")


@dataclass(frozen=True)
class CueHit:
    topic: str
    start: int  # offsets into the article text
    end: int
    polarity: str | None
    asserts: bool = False
    bare: bool = False  # a 'follows' word: names the topic only after a full cue did
    also_broader: bool = False  # support for it is support for the broader topic too


@dataclass
class ArticleState:
    article: Article
    sentences: list[Sentence]
    mentions: dict[int, list[Mention]] = field(default_factory=dict)
    earlier_state: dict[int, str | None] = field(default_factory=dict)  # the state 'its …' in a sentence may mean
    cues: dict[int, list[CueHit]] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    docs: dict[int, object] = field(default_factory=dict)
    new_actors: dict[str, Actor] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    speaks_for: Callable[[str, str], bool] | None = None  # set once relations are complete
    voices: dict[int, frozenset[str]] = field(default_factory=dict)  # who speaks in each sentence
    # cues the rules found to state no position on their topic: about another state ('Sweden
    # wants to join the alliance') or only a bound ('guarantees without joining NATO'), by
    # (sentence index, cue start): no topic for the classifier either
    positionless_cues: set[tuple[int, int]] = field(default_factory=set)
    time_limit: float | None = None  # seconds the article may take, or None for no limit
    _regions: Regions | None = None
    _dates: dict[int, str | None] | None = None
    _started: float = field(default_factory=monotonic)

    def timed(self, items: Iterable):
        """The items, one by one, until the article has used its time (each item's work is
        bounded, so checking between them keeps the budget)."""
        for item in items:
            if self.time_limit is not None and monotonic() - self._started > self.time_limit:
                raise ArticleTooSlow(self.time_limit)
            yield item

    def date_of(self, sentence: Sentence) -> str | None:
        """The date a sentence's cues and roles are read at: the year it tells of ('In 2008 …'),
        else the article's own date; found once per article."""
        if self._dates is None:
            published = self.article.published
            self._dates = {s.index: told_of_year(s.text, published) or published for s in self.sentences}
        return self._dates[sentence.index]

    @property
    def regions(self) -> Regions:
        """Quotation spans, found once per article."""
        if self._regions is None:
            self._regions = quote_regions(self.article.text)
        return self._regions



class Positions:
    """Each holder's latest (topic, polarity) so far, also under the state a person speaks for
    ('backed Washington' after the US president's statement); read once per stance, however
    many sentences ask."""

    def __init__(self, home_state: Callable[[str, str | None], str | None], date: str | None):
        self.home_state, self.date = home_state, date
        self.latest: dict[str, tuple[str, str]] = {}
        self.seen = 0

    def after(self, stances: list[Stance]) -> dict[str, tuple[str, str]]:
        for stance in stances[self.seen:]:
            self.latest[stance.actor] = (stance.topic, stance.polarity)
            home = self.home_state(stance.actor, self.date)
            if home:
                self.latest[home] = (stance.topic, stance.polarity)
        self.seen = len(stances)
        return self.latest
