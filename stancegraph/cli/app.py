"""The command group and what its commands share: options, date parsing, one-line errors and
output of records in every format (an empty answer included)."""

from __future__ import annotations

import dataclasses
import errno
import functools
import sys

import click

from .. import api
from ..dates import DateError, parse_age, parse_bound, parse_day
from ..errors import StanceGraphError
from ..limits import MAX_ARTICLE_BYTES, MAX_ARTICLE_SECONDS, Limits, describe_size, parse_size
from ..output import FORMATS, as_dict, render

EXIT_ERROR = 1  # the input, the store or the answer failed
EXIT_USAGE = 2  # the command line itself is wrong: unknown option, bad value, missing argument


class Group(click.Group):
    """Every error is one line on stderr: usage errors exit 2, the tool's errors exit 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except StanceGraphError as err:
            click.echo(f"error: {err}", err=True)
            ctx.exit(2 if ctx.invoked_subcommand == "validate" else EXIT_ERROR)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as err:
            command = err.ctx.command_path if err.ctx else "stancegraph"
            message = _one_line(err.format_message()).rstrip(".")
            click.echo(f"error: {message[:1].lower()}{message[1:]} (see: {command} -h)", err=True)
            sys.exit(EXIT_USAGE)
        except click.ClickException as err:
            click.echo(f"error: {_one_line(err.format_message())}", err=True)
            sys.exit(err.exit_code)
        except click.Abort:
            click.echo("aborted", err=True)
            sys.exit(EXIT_ERROR)
        except OSError as err:
            if err.errno != errno.EPIPE:  # a closed pipe (| head) is the reader's choice, not an error
                raise
            sys.exit(0)
        sys.exit(code if isinstance(code, int) else 0)


def _one_line(message: str) -> str:
    return " ".join(message.split())


class DateParam(click.ParamType):
    """YYYY-MM-DD, or YYYY-MM and YYYY as ranges: their first day opens a window, their last
    day closes one. Calendar-checked; day-month orders such as 07/06/2023 are refused."""

    name = "date"

    def __init__(self, end: bool = False, day_only: bool = False):
        self.end, self.day_only = end, day_only

    def convert(self, value, param, ctx):
        try:
            if self.day_only:
                return parse_day(value, "")
            return parse_bound(value, "", end=self.end)
        except DateError as err:
            self.fail(str(err), param, ctx)


class AgeParam(click.ParamType):
    name = "age"

    def convert(self, value, param, ctx):
        try:
            parse_age(value, "")
        except DateError as err:
            self.fail(str(err), param, ctx)
        return value


class SizeParam(click.ParamType):
    name = "size"

    def convert(self, value, param, ctx):
        try:
            return value if isinstance(value, int) else parse_size(value)
        except StanceGraphError as err:
            self.fail(str(err), param, ctx)


START, END, DAY = DateParam(), DateParam(end=True), DateParam(day_only=True)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="stancegraph")
def cli() -> None:
    """stancegraph: who holds which stance on Ukraine's NATO accession, and on what evidence.

    \b
    stancegraph demo
    stancegraph ingest articles/ --published 2023-06-07
    stancegraph stances invitation

    Exit status: 0 done (an empty answer included), 1 error, 2 usage error.
    """


def store_option(f):
    return click.option("--store", "store_url", envvar="STANCEGRAPH_STORE", metavar="URL",
                        help="oxigraph:PATH (default ./stancegraph-data), memory:, sparql+http://HOST:PORT/query, "
                             "neo4j://…, falkordb://HOST:PORT")(f)


def classifier_option(f):
    def enable(ctx, param, value):
        if value is not None:
            api.enable_classifier(value)
        return value
    return click.option("--classifier/--no-classifier", default=None, expose_value=False, callback=enable,
                        is_eager=True,
                        help="Add the learned classifier's stances to the rules' (the default), or "
                             "use the rules alone (also STANCEGRAPH_CLASSIFIER=off).")(f)


def confidence_option(f):
    return click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="P",
                        help=f"Leave out stances less confident than P (default {api.DEFAULT_MIN_CONFIDENCE}; "
                             "lower it to see more of the classifier's guesses).")(f)


def limit_options(f):
    """--max-article-size and --max-article-seconds, passed on as `limits`."""
    f = click.option("--max-article-seconds", type=click.FloatRange(min=0), default=MAX_ARTICLE_SECONDS,
                     show_default=True, help="Skip an article whose extraction takes longer (0: no limit).")(f)
    f = click.option("--max-article-size", type=SizeParam(), default=describe_size(MAX_ARTICLE_BYTES), show_default=True,
                     help="Skip an input (a file, a JSON Lines record, stdin) larger than this (KB, MB, GB).")(f)

    @functools.wraps(f)
    def with_limits(*args, max_article_size, max_article_seconds, **kwargs):
        return f(*args, limits=Limits(max_article_size, max_article_seconds or None), **kwargs)
    return with_limits


def format_option(f):
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="Output format.")(f)


def window_options(f, as_of: bool = True):
    """--since, --until, --as-of and --max-age: the statements a position question reads."""
    f = click.option("--max-age", type=AgeParam(), metavar="AGE",
                     help="Only statements at most AGE (2y, 18m, 6w, 30d) older than the reference date: "
                          "--as-of or --until when given, else the newest statement in the answer.")(f)
    if as_of:
        f = click.option("--as-of", type=END, help="Each actor's latest position up to this date (YYYY-MM-DD; "
                                                   "a YYYY-MM or YYYY means its last day).")(f)
    f = click.option("--until", type=END, help="Only statements on or before this date.")(f)
    return click.option("--since", type=START, help="Only statements on or after this date (YYYY-MM-DD; "
                                                    "a YYYY-MM or YYYY means its first day).")(f)


def by_option(f):
    return click.option("--by", type=click.Choice(api.BY), default="actor", show_default=True,
                        help="state: credit each person's statements to the state or organisation they spoke "
                             "for on that day (their dated roles), one row per state with the people behind it.")(f)


def emit(records, fmt: str, columns=None, wide: str | None = "evidence", empty: str = "no statements found",
         record_type=None) -> None:
    """Records on stdout; an empty answer is `[]` in JSON, nothing in JSON Lines, the header in
    CSV and a message on stderr in every format."""
    if records:
        click.echo(render(records, fmt, columns, wide))
        return
    click.echo(empty, err=True)
    header = list(columns or _fields(record_type))
    if fmt == "json":
        click.echo("[]")
    elif fmt == "csv" and header:
        click.echo(",".join(header))


def _fields(record_type) -> list[str]:
    if record_type is None:
        return []
    if dataclasses.is_dataclass(record_type):
        return [f.name for f in dataclasses.fields(record_type)]
    return list(record_type)


def emit_matrix(actors, topics, cells, fmt: str) -> None:
    """Actors × topics: +, - and ~ for support, oppose and mixed; a legend names the columns."""
    if not actors:
        emit([], fmt, ["actor"])
        return
    if fmt != "table":
        rows = [{"actor": a, **{t: cells.get((a, t)) for t in topics}} for a in actors]
        click.echo(render(rows, fmt, ["actor", *topics], wide=None))
        return
    symbol = {"support": "+", "oppose": "-", "mixed": "~"}
    rows = [{"actor": a, **{f"T{i + 1}": symbol.get(cells.get((a, t)), "") for i, t in enumerate(topics)}} for a in actors]
    click.echo(render(rows, "table", ["actor", *[f"T{i + 1}" for i in range(len(topics))]], wide=None))
    click.echo("\n" + "  ".join(f"T{i + 1}={t}" for i, t in enumerate(topics)) + "\n+ support  - oppose  ~ mixed")


STANCE_COLUMNS = ["actor", "topic", "polarity", "n", "last_date", "stale", "evidence"]
N_HELP = ("Table columns: n is BACKING/TOTAL, the statements behind the shown polarity of all on the topic in the "
          f"window; stale marks a position last seen more than {api.DEFAULT_STALE_AGE} before the reference date "
          "(see --max-age).")


def emit_stances(rows, fmt: str) -> None:
    """Stance summaries; the table shows n as backing/total, marks stale positions and names
    the people behind a state's position (--by state) before its evidence."""
    if fmt == "table":
        rows = [{**as_dict(r), "n": f"{r.backing}/{r.statements}", "stale": "stale" if r.stale else "",
                 "evidence": f"[people: {', '.join(r.people)}] {r.evidence}" if r.people else r.evidence} for r in rows]
        emit(rows, fmt, STANCE_COLUMNS)
        return
    emit(rows, fmt, record_type=api.StanceSummary)
