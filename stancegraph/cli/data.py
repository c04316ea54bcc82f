"""Commands that write files or touch the store as a whole: eval, export, viz, validate,
summarise, delete, demo and the raw query commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import api
from ..errors import StanceGraphError
from ..output import render
from .app import (
    by_option, classifier_option, cli, confidence_option, emit, emit_stances, format_option, store_option,
    window_options,
)

TABLE_ROWS = 1000  # raw query rows a table prints by default: longer is read by no one; other formats feed programs


def _query_command(param_help: str):
    """A raw query command: QUERY, the store, repeatable --param NAME=VALUE and the format."""
    def decorate(f):
        f = format_option(f)
        f = click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help=param_help)(f)
        f = click.option("--timeout", type=click.FloatRange(min=0), default=api.QUERY_TIMEOUT, show_default=True,
                         help="Give the query up after this many seconds (0: no limit).")(f)
        f = click.option("--limit", type=click.IntRange(min=0), default=None,
                         help=f"Rows to print (default {TABLE_ROWS} in a table, all in other formats; 0: all).")(f)
        return cli.command()(click.argument("query")(store_option(f)))
    return decorate


@_query_command("Bind ?NAME to VALUE: YYYY-MM-DD a date, 12 or 1.5 a number, true/false, <…> an IRI, else a "
                "string; NAME:str=VALUE forces a string. Repeatable.")
def sparql(query, store_url, params, fmt, timeout, limit) -> None:
    """Run a SPARQL SELECT or ASK query (text, @FILE or - for stdin).

    Example: stancegraph sparql 'SELECT ?n WHERE { ?a sg:name ?n }' --param n=Germany
    """
    result = api.sparql(store_url, _read_query(query), dict(api.query_param(p) for p in params), timeout or None)
    _emit_rows(result, fmt, limit)


@_query_command("Pass $NAME as the string VALUE (NAME= the empty string; leave a parameter out for null). "
                "Repeatable.")
@click.option("--write", is_flag=True, help="Allow the query to write (refused by the engine otherwise).")
def cypher(query, store_url, params, fmt, timeout, limit, write) -> None:
    """Run a Cypher query on a Neo4j or FalkorDB store (text, @FILE or - for stdin).

    Example: stancegraph cypher 'MATCH (a:Actor {name: $n}) RETURN a.id' --param n=Germany --store falkordb://localhost:6379
    """
    result = api.cypher(store_url, _read_query(query), dict(api.split_param(p) for p in params), timeout or None, write)
    _emit_rows(result, fmt, limit)



def _emit_rows(result, fmt: str, limit: int | None) -> None:
    records = result.records()
    shown = (TABLE_ROWS if fmt == "table" else 0) if limit is None else limit
    if shown and len(records) > shown:
        click.echo(f"showing the first {shown} of {len(records)} rows (--limit 0 shows all)", err=True)
        records = records[:shown]
    emit(records, fmt, list(result.columns), wide=None, empty="no rows")


RDF_FORMATS = ["turtle", "nquads", "trig", "jsonld", "ntriples"]
NETWORK_FORMATS = ["graphml", "gexf", "csv", "dna-csv"]


@cli.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(RDF_FORMATS + NETWORK_FORMATS + ["dna", "neo4j-csv"]), default="turtle",
              show_default=True,
              help="RDF (RDF stores); graphml/gexf (Gephi, visone); csv (nodes.csv and edges.csv in a folder); "
                   "dna (a Discourse Network Analyzer 3 project, -o FILE.dna); dna-csv (DNA-style statement table); "
                   "neo4j-csv (files for neo4j-admin database import, -o FOLDER).")
@click.option("-o", "--output", type=click.Path(), help="File to write (default stdout); a folder for csv, a file for dna "
                                                        "(both required).")
@click.option("--mixed", type=click.Choice(["split", "skip"]), default="split", show_default=True,
              help="dna: a mixed stance as two statements (agreeing and disagreeing), or left out.")
@window_options
@by_option
@confidence_option
def export(store_url, fmt, output, mixed, since, until, as_of, max_age, by, min_confidence) -> None:
    """Export the graph as RDF, as a network for Gephi or visone, or as a DNA project.

    The window and --by options shape the graphml, gexf and csv networks (current positions);
    --since and --until choose the statements of a DNA project.

    Example: stancegraph export --format dna -o debate.dna
    """
    if fmt == "neo4j-csv":
        if not output:
            raise click.UsageError("--format neo4j-csv writes a folder of CSV files: give -o FOLDER")
        written = api.export_neo4j_csv(store_url, output)
        click.echo(f"wrote {len(written)} files into {output} (the import command is in {output}/import-command.txt; "
                   "run stancegraph summarise on the imported store)", err=True)
        return
    if fmt == "dna":
        if not output:
            raise click.UsageError("--format dna writes a SQLite database: give -o FILE.dna")
        documents, statements = api.export_dna(store_url, output, mixed, min_confidence, since=since, until=until)
        click.echo(f"wrote {output}: {documents} document(s), {statements} statement(s) "
                   "(open it in DNA 3; coder 'stancegraph', password 'stancegraph')", err=True)
        return
    if fmt in NETWORK_FORMATS:
        text = api.export_network(store_url, fmt, output, min_confidence, since=since, until=until, as_of=as_of,
                                  max_age=max_age, by=by)
        if output:
            click.echo(f"wrote {output}", err=True)
        else:
            click.echo(text, nl=False)
        return
    data = api.export(store_url, fmt)
    if output:
        api.write_text(output, data)
        click.echo(f"wrote {len(data)} bytes to {output}", err=True)
    else:
        sys.stdout.buffer.write(data)


@cli.command()
@store_option
@click.option("--topic", help="Only positions on this topic (id or a word of it).")
@window_options
@by_option
@click.option("-o", "--output", default="stancegraph.html", show_default=True, type=click.Path(dir_okay=False))
@confidence_option
def viz(store_url, topic, since, until, as_of, max_age, by, output, min_confidence) -> None:
    """Write the interactive graph as one HTML file that opens offline in any browser.

    Example: stancegraph viz --topic invitation --by state -o invitation.html
    """
    note = api.visualise(store_url, output, topic, min_confidence, since=since, until=until, as_of=as_of,
                         max_age=max_age, by=by)
    click.echo(f"wrote {output}: {note}", err=True)


@cli.command()
@store_option
@format_option
def validate(store_url, fmt) -> None:
    """Check the graph against the SHACL shapes; exit 0 conforms, 1 does not, 2 error.

    Works on RDF stores (Oxigraph, SPARQL servers); a Neo4j or FalkorDB store is refused.

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
@store_option
@click.option("--check", is_flag=True, help="Only report summaries that disagree with their statements (exit 1 if any).")
def summarise(store_url, check) -> None:
    """Rebuild every actor–topic and relation summary from the statements.

    Run it after a bulk load that bypassed stancegraph, or to repair summaries; `--check`
    only reports (ingest keeps summaries true by itself, also with several writers).

    Example: stancegraph summarise --store sparql+http://localhost:7878/query
    """
    rebuilt, problems = api.summarise(store_url, check)
    for problem in problems[:50]:
        click.echo(f"{'stale' if check else 'repaired'}: {problem}", err=True)
    if len(problems) > 50:
        click.echo(f"… and {len(problems) - 50} more", err=True)
    if check:
        click.echo(f"{len(problems)} summary problem(s)", err=True)
        sys.exit(1 if problems else 0)
    click.echo(f"rebuilt {rebuilt} summaries from the statements ({len(problems)} were wrong)", err=True)


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
        emit(api.errors_by_cause(results), fmt, wide=None, empty="no misses or extras",
             record_type=["kind", "cause", "count"])
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


def _read_query(query: str) -> str:
    if query == "-":
        return sys.stdin.read()
    if query.startswith("@"):
        try:
            return Path(query[1:]).read_text(encoding="utf-8")
        except OSError as err:
            raise StanceGraphError(f"{query[1:]}: cannot read ({err.strerror})") from None
    return query
