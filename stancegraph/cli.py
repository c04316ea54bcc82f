"""The command line: each command parses its options, calls one library function, formats."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import api
from .errors import StanceGraphError
from .output import FORMATS, as_dict, render

STANCE_COLUMNS = ["actor", "topic", "polarity", "n", "last_date", "evidence"]
STATEMENT_COLUMNS = ["date", "actor", "topic", "polarity", "attribution", "speaker", "evidence", "outlet", "title", "url"]


class Group(click.Group):
    """Turns every StanceGraphError into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except StanceGraphError as err:
            click.echo(f"error: {err}", err=True)
            ctx.exit(2 if ctx.invoked_subcommand == "validate" else 1)


def store_option(f):
    return click.option("--store", "store_url", envvar="STANCEGRAPH_STORE", metavar="URL",
                        help="oxigraph:PATH (default ./stancegraph-data), memory:, sparql+http://HOST:PORT/query")(f)


def classifier_option(f):
    def enable(ctx, param, value):
        if value:
            api.enable_classifier()
        return value
    return click.option("--classifier", is_flag=True, expose_value=False, callback=enable, is_eager=True,
                        help="Add the learned classifier's stances to the rules' (opt-in; also "
                             "STANCEGRAPH_CLASSIFIER=on).")(f)


def confidence_option(f):
    return click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="P",
                        help=f"Leave out stances less confident than P (default {api.DEFAULT_MIN_CONFIDENCE}; "
                             "lower it to see more of the classifier's guesses).")(f)


def format_option(f):
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="Output format.")(f)


def emit(records, fmt: str, columns=None, wide: str | None = "evidence", empty: str = "no statements found") -> None:
    if not records:
        click.echo(empty, err=True)
        return
    click.echo(render(records, fmt, columns, wide))


def emit_matrix(actors, topics, cells, fmt: str) -> None:
    """Actors × topics: +, - and ~ for support, oppose and mixed; a legend names the columns."""
    if not actors:
        click.echo("no statements found", err=True)
        return
    if fmt != "table":
        rows = [{"actor": a, **{t: cells.get((a, t)) for t in topics}} for a in actors]
        click.echo(render(rows, fmt, ["actor", *topics], wide=None))
        return
    symbol = {"support": "+", "oppose": "-", "mixed": "~"}
    rows = [{"actor": a, **{f"T{i + 1}": symbol.get(cells.get((a, t)), "") for i, t in enumerate(topics)}} for a in actors]
    click.echo(render(rows, "table", ["actor", *[f"T{i + 1}" for i in range(len(topics))]], wide=None))
    click.echo("\n" + "  ".join(f"T{i + 1}={t}" for i, t in enumerate(topics)) + "\n+ support  - oppose  ~ mixed")


def emit_stances(rows, fmt: str) -> None:
    """Stance summaries; the table calls the statement count 'n' to fit 80 columns."""
    if fmt == "table":
        rows = [{**as_dict(r), "n": r.statements} for r in rows]
    emit(rows, fmt, STANCE_COLUMNS if fmt == "table" else None)


@click.group(cls=Group)
@click.version_option(package_name="stancegraph")
def cli() -> None:
    """stancegraph: who holds which stance on Ukraine's NATO accession, and on what evidence.

    \b
    stancegraph demo
    stancegraph ingest articles/ --published 2023-06-07
    stancegraph stances invitation
    """


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@store_option
@click.option("--input-format", type=click.Choice(["text", "html", "jsonl", "feed"]), help="Skip format detection.")
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the inputs.")
@click.option("--published", help="Publication date (YYYY-MM-DD) for every article.")
@click.option("--title", help="Title for every article.")
@click.option("--url", help="Canonical URL (one article).")
@click.option("--outlet", help="Outlet for every article.")
@click.option("--strict", is_flag=True, help="Exit 1 when any input fails, not only when all do.")
@click.option("--workers", type=click.IntRange(1, 256), default=None,
              help="Extraction processes (default: the number of cores).")
@click.option("--resume", is_flag=True, help="Skip articles the store already holds (after an interrupted ingest).")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, writable=True),
              help="Write each skipped input and its reason to this file (JSON lines).")
@classifier_option
def ingest(sources, store_url, input_format, encoding, published, title, url, outlet, strict, workers, resume,
           report_file) -> None:
    """Read articles (files, folders, globs, - for stdin) and store their facts.

    Example: stancegraph ingest corpus/ --published 2023-06-07 --outlet Guardian
    """
    report = api.ingest_sources(sources, store_url, fmt=input_format, encoding=encoding,
                                published=published, title=title, url=url, outlet=outlet,
                                progress=_progress_counter(), workers=workers or api.default_workers(), resume=resume)
    shown = report.failures if len(report.failures) <= 20 else report.failures[:20]
    for failure in shown:
        click.echo(f"skipped: {failure}", err=True)
    if len(shown) < len(report.failures):
        click.echo(f"skipped: … and {len(report.failures) - len(shown)} more (see --report)", err=True)
    for warning in report.warnings[:20]:
        click.echo(f"warning: {warning}", err=True)
    if report_file:
        api.write_failure_report(report, report_file)
    resumed = f", {report.resumed} already stored" if report.resumed else ""
    click.echo(f"ingested {report.articles} article(s): {report.stances} stance(s), "
               f"{report.relations} relation(s); {len(report.failures)} input(s) skipped{resumed}", err=True)
    if report.failures and (strict or (report.articles == 0 and report.resumed == 0)):
        sys.exit(1)


@cli.command()
@click.argument("source")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="json", show_default=True)
@click.option("--encoding", default="utf-8", show_default=True)
@click.option("--published", help="Publication date (YYYY-MM-DD).")
@click.option("--title")
@click.option("--url")
@click.option("--outlet")
@confidence_option
@classifier_option
def extract(source, fmt, encoding, published, title, url, outlet, min_confidence) -> None:
    """Extract actors, relations and stances of articles without storing them.

    Example: stancegraph extract article.txt --published 2023-06-07 --format json
    """
    extractions = api.extract_sources([source], encoding=encoding, published=published, title=title, url=url, outlet=outlet,
                                      min_confidence=min_confidence)
    for warning in (w for e in extractions for w in e.warnings):
        click.echo(f"warning: {warning}", err=True)
    if fmt == "table":
        emit([s for e in extractions for s in api.stance_rows(e)], "table", ["actor", "topic", "polarity", "attribution", "speaker", "evidence"])
    elif fmt == "json" and len(extractions) == 1:
        click.echo(json.dumps(extractions[0].to_json(), ensure_ascii=False, indent=2))
    else:
        for extraction in extractions:
            click.echo(json.dumps(extraction.to_json(), ensure_ascii=False))


@cli.command()
@click.argument("topic", required=False)
@store_option
@click.option("--polarity", type=click.Choice(["support", "oppose", "mixed"]))
@click.option("--actor-type", type=click.Choice(["Person", "State", "Organization", "Group"], case_sensitive=False))
@click.option("--since", help="Only statements on or after this date.")
@click.option("--until", help="Only statements on or before this date.")
@click.option("--as-of", help="Each actor's latest stance up to this date.")
@click.option("--matrix", "as_matrix", is_flag=True, help="Actors × topics, one cell per latest polarity.")
@format_option
@confidence_option
def stances(topic, store_url, polarity, actor_type, since, until, as_of, as_matrix, min_confidence, fmt) -> None:
    """Who stands where: one row per actor and topic (a topic id or a word of it).

    Example: stancegraph stances invitation --polarity support --as-of 2023-07-01
    """
    if as_matrix:
        emit_matrix(*api.stance_matrix(store_url, polarity=polarity, actor_type=actor_type, since=since,
                                       until=until, as_of=as_of, min_confidence=min_confidence), fmt)
        return
    rows = api.stances(store_url, topic, polarity=polarity, actor_type=actor_type, since=since, until=until, as_of=as_of,
                       min_confidence=min_confidence)
    emit_stances(rows, fmt)


@cli.command()
@click.argument("actor_name", metavar="ACTOR")
@click.argument("topic")
@store_option
@format_option
@confidence_option
def evidence(actor_name, topic, store_url, min_confidence, fmt) -> None:
    """Every statement behind one actor and topic, newest first, with quote, speaker and source.

    Example: stancegraph evidence Germany invitation
    """
    rows = api.evidence_for(store_url, actor_name, topic, min_confidence)
    emit(rows, fmt, ["date", "polarity", "attribution", "speaker", "outlet", "evidence"] if fmt == "table" else None)


@cli.command()
@click.argument("actor_name", metavar="ACTOR")
@click.argument("topic")
@store_option
@format_option
@confidence_option
def timeline(actor_name, topic, store_url, min_confidence, fmt) -> None:
    """An actor's stance on a topic over time, one point per dated article.

    Example: stancegraph timeline Germany invitation
    """
    emit(api.timeline_of(store_url, actor_name, topic, min_confidence), fmt, ["date", "polarity", "statements", "evidence"] if fmt == "table" else None)


@cli.command()
@click.argument("topic", required=False)
@store_option
@click.option("--since", help="Only changes observed on or after this date.")
@click.option("--until", help="Only changes observed on or before this date.")
@format_option
@confidence_option
def changes(topic, store_url, since, until, min_confidence, fmt) -> None:
    """Who changed position on a topic (or any topic), and when.

    Example: stancegraph changes invitation
    """
    rows = api.position_changes(store_url, topic, since, until, min_confidence)
    emit(rows, fmt, ["actor", "topic", "before", "after", "last_before", "first_after", "evidence"] if fmt == "table" else None,
         empty="no changes of position found")


@cli.command()
@click.argument("topic", required=False)
@store_option
@click.option("--as-of", help="Positions up to this date.")
@click.option("--pairs", is_flag=True, help="Pairs of actors who agree or disagree most across topics.")
@format_option
@confidence_option
def coalitions(topic, store_url, as_of, pairs, min_confidence, fmt) -> None:
    """Actors grouped by shared polarity on a topic; --pairs ranks agreement across topics.

    Example: stancegraph coalitions invitation --as-of 2023-07-12
    """
    if pairs:
        emit(api.agreement_pairs(store_url, as_of, min_confidence=min_confidence), fmt, wide=None, empty="no pairs of actors share a topic")
        return
    emit(api.coalitions_on(store_url, topic, as_of, min_confidence), fmt, ["topic", "polarity", "actors"] if fmt == "table" else None,
         wide="actors")


@cli.command()
@click.argument("actor_name", metavar="[ACTOR]", required=False)
@store_option
@click.option("--at", help="Roles held at this date (dictionary roles and relations observed up to it).")
@click.option("--predicate", help="Only this relation, e.g. advises or president_of.")
@format_option
def relations(actor_name, store_url, at, predicate, fmt) -> None:
    """Who advises, leads or represents whom, with evidence and dates.

    Example: stancegraph relations Zelensky --at 2023-06-07
    """
    rows = api.relations(store_url, actor_name, at, predicate)
    emit(rows, fmt, ["subject", "predicate", "object", "start", "end", "source"] if fmt == "table" else None,
         wide=None, empty="no relations found")


@cli.command()
@click.argument("name")
@store_option
@click.option("--as-of", help="Stances up to this date.")
@format_option
@confidence_option
def actor(name, store_url, as_of, min_confidence, fmt) -> None:
    """An actor's roles, relations and stances, by name, alias, surname or Wikidata id.

    Example: stancegraph actor Rasmussen
    """
    profile = api.actor(store_url, name, as_of=as_of, min_confidence=min_confidence)
    if fmt != "table":
        click.echo(render([profile], fmt))
        return
    click.echo(f"{profile.actor.name}  ({profile.actor.type}, {profile.actor.id})")
    for role in profile.roles:
        click.echo(f"  role: {role['role']} of {role['of']} {role['start'] or '?'} – {role['end'] or 'now'}")
    relations = profile.relations_out + profile.relations_in
    if relations:
        click.echo("\nrelations:")
        click.echo(render(relations, "table", ["subject", "predicate", "object", "statements", "last_date", "evidence"],
                          "evidence"))
    if profile.stances:
        click.echo("\nstances:")
        click.echo(render(profile.stances, "table", ["topic", "polarity", "statements", "last_date", "evidence"], "evidence"))


@cli.command()
@format_option
def topics(fmt) -> None:
    """The topic set the extractor codes stances on.

    Example: stancegraph topics --format json
    """
    emit(api.topics(), fmt, ["id", "label"] if fmt == "table" else ["id", "label", "definition", "broader"], wide="label")


@cli.command()
@click.argument("query")
@store_option
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (a string; <…> for an IRI). Repeatable.")
@format_option
def sparql(query, store_url, params, fmt) -> None:
    """Run a SPARQL SELECT or ASK query (text, @FILE or - for stdin).

    Example: stancegraph sparql 'SELECT ?n WHERE { ?a sg:name ?n }' --param n=Germany
    """
    result = api.sparql(store_url, _read_query(query), dict(_split_param(p) for p in params))
    emit(result.records(), fmt, list(result.columns), wide=None, empty="no rows")


@cli.command()
@click.argument("query")
@store_option
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Pass $NAME as the string VALUE. Repeatable.")
@format_option
def cypher(query, store_url, params, fmt) -> None:
    """Run a Cypher query on a Neo4j or FalkorDB store (text, @FILE or - for stdin).

    Example: stancegraph cypher 'MATCH (a:Actor {name: $n}) RETURN a.id' --param n=Germany --store falkordb://localhost:6379
    """
    result = api.cypher(store_url, _read_query(query), dict(_split_param(p) for p in params))
    emit(result.records(), fmt, list(result.columns), wide=None, empty="no rows")


RDF_FORMATS = ["turtle", "nquads", "trig", "jsonld", "ntriples"]
NETWORK_FORMATS = ["graphml", "gexf", "csv", "dna"]


@cli.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(RDF_FORMATS + NETWORK_FORMATS), default="turtle", show_default=True,
              help="RDF (RDF stores), or graphml/gexf (Gephi, visone), csv (nodes.csv and edges.csv in a folder), "
                   "dna (a Discourse Network Analyzer statement table).")
@click.option("-o", "--output", type=click.Path(writable=True), help="File (or folder for csv) to write; default stdout.")
@confidence_option
def export(store_url, fmt, output, min_confidence) -> None:
    """Export the graph as RDF, as a network for Gephi or visone, or as a DNA statement table.

    Example: stancegraph export --format nquads -o graph.nq
    """
    if fmt in NETWORK_FORMATS:
        table = api.export_network(store_url, fmt, output, min_confidence)
        if output:
            click.echo(f"wrote {output}", err=True)
        else:
            click.echo(table, nl=False)
        return
    data = api.export(store_url, fmt)
    if output:
        Path(output).write_bytes(data)
        click.echo(f"wrote {len(data)} bytes to {output}", err=True)
    else:
        sys.stdout.buffer.write(data)


@cli.command()
@store_option
@click.option("--topic", help="Only positions on this topic (id or a word of it).")
@click.option("--since", help="Only statements on or after this date.")
@click.option("--until", help="Only statements on or before this date.")
@click.option("-o", "--output", default="stancegraph.html", show_default=True, type=click.Path(dir_okay=False, writable=True))
@confidence_option
def viz(store_url, topic, since, until, output, min_confidence) -> None:
    """Write the interactive graph as one HTML file that opens offline in any browser.

    Example: stancegraph viz --topic invitation -o invitation.html
    """
    note = api.visualise(store_url, output, topic, since, until, min_confidence)
    click.echo(f"wrote {output}: {note}", err=True)


@cli.command()
@click.argument("kind", type=click.Choice(["congruence", "conflict", "communities", "centrality", "two-mode"]))
@store_option
@click.option("--topic", help="Only positions on this topic.")
@click.option("--since", help="Only statements on or after this date.")
@click.option("--until", help="Only statements on or before this date.")
@click.option("--normalise", "--normalize", "normalise", type=click.Choice(["raw", "jaccard", "cosine"]), default="raw",
              show_default=True, help="Edge weights of the congruence and conflict networks.")
@format_option
@confidence_option
def analyze(kind, store_url, topic, since, until, normalise, min_confidence, fmt) -> None:
    """Discourse-network analysis: congruence and conflict networks, coalitions, centrality.

    Example: stancegraph analyze congruence --normalise jaccard --since 2023-01-01
    """
    rows = api.analyse(store_url, kind, topic, since, until, normalise, min_confidence)
    emit(rows, fmt, wide="actors" if kind == "communities" else None, empty="no positions in this window")


@cli.command()
@store_option
@format_option
def validate(store_url, fmt) -> None:
    """Check the graph against the SHACL shapes; exit 0 conforms, 1 does not, 2 error.

    Example: stancegraph validate --store oxigraph:./stancegraph-data
    """
    report = api.validate_store(store_url)
    if report.conforms:
        click.echo("conforms: the graph matches every shape", err=True)
        return
    if fmt == "table":
        for v in report.violations:
            click.echo(f"{v.focus}\n  shape: {v.shape}\n  path: {v.path or '-'}\n  {v.message}")
    else:
        click.echo(render(report.violations, fmt))
    sys.exit(1)


@cli.command()
@click.argument("article_id")
@store_option
def delete(article_id, store_url) -> None:
    """Remove exactly one article's facts (its id is its URL or sha256:… hash).

    Example: stancegraph delete https://example.org/story
    """
    if not api.delete(store_url, article_id):
        raise StanceGraphError(f"no article {article_id!r} in the store")
    click.echo(f"deleted {article_id}", err=True)


@cli.command()
@store_option
@format_option
def demo(store_url, fmt) -> None:
    """Ingest the bundled seed article and show who stands where.

    Example: stancegraph demo
    """
    report, rows = api.demo(store_url)
    click.echo(f"ingested the seed article: {report.stances} stance(s), {report.relations} relation(s)", err=True)
    emit_stances(rows, fmt)


def _progress_counter():
    """A running count on stderr when it is a terminal; silence in pipes and logs."""
    if not sys.stderr.isatty():
        return None
    done = [0]

    def advance(count: int) -> None:
        done[0] += count
        click.echo(f"\ringested {done[0]} article(s)…", err=True, nl=False)

    return advance


def _read_query(query: str) -> str:
    if query == "-":
        return sys.stdin.read()
    if query.startswith("@"):
        try:
            return Path(query[1:]).read_text(encoding="utf-8")
        except OSError as err:
            raise StanceGraphError(f"{query[1:]}: cannot read ({err.strerror})") from None
    return query


def _split_param(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise StanceGraphError(f"--param takes NAME=VALUE, not {text!r}")
    return name.lstrip("?$"), value


def main() -> None:
    cli(prog_name="stancegraph")


@cli.command(name="eval")
@click.argument("gold_files", nargs=-1, required=True)
@click.option("--articles", type=click.Path(file_okay=False), help="Folder of the articles (default: beside each gold file).")
@confidence_option
@click.option("--by-error", is_flag=True, help="Group misses and extras by cause instead of listing them.")
@click.option("--per-file", is_flag=True, help="One row per gold file and kind of fact.")
@format_option
@classifier_option
def eval_command(gold_files, articles, min_confidence, by_error, per_file, fmt) -> None:
    """Score the extractor against gold files: precision, recall and F1, misses and extras.

    Example: stancegraph eval corpus/seed/*.gold.json --articles corpus/seed --by-error
    """
    totals, results = api.evaluate(gold_files, articles, min_confidence=min_confidence)
    if by_error:
        emit(api.errors_by_cause(results), fmt, wide=None, empty="no misses or extras")
        return
    rows = [{"facts": k, "precision": s.precision, "recall": s.recall, "f1": s.f1, "tp": s.true_positives,
             "predicted": s.predicted, "expected": s.expected} for k, s in totals.items()]
    if per_file:
        rows = [{"article": r.article, **row} for r in results for row in _score_rows(r.scores)] + \
               [{"article": "(all)", **row} for row in _score_rows(totals)]
    click.echo(render(rows, fmt, wide=None))
    for result in results:
        if not result.offsets_ok:
            click.echo(f"{result.article}: an evidence string is not verbatim at its offsets", err=True)
        for kind in ("relations", "stances", "actors"):
            for miss in result.misses[kind]:
                click.echo(f"{result.article}: missed {kind[:-1]} {' | '.join(miss)}", err=True)
            for extra in result.extras[kind]:
                click.echo(f"{result.article}: extra {kind[:-1]} {' | '.join(extra)}", err=True)


def _score_rows(scores) -> list[dict]:
    return [{"facts": k, "precision": round(s.precision, 2), "recall": round(s.recall, 2), "f1": round(s.f1, 2),
             "tp": s.true_positives, "predicted": s.predicted, "expected": s.expected} for k, s in scores.items()]
