"""Commands that read articles or extractions in bulk: ingest (extract and load), extract
(to the terminal, or to an extraction file) and load (an extraction file into a store)."""

from __future__ import annotations

import json
import sys

import click

from .. import api
from .app import DAY, classifier_option, cli, confidence_option, emit, limit_options, store_option
from .progress import ingest_progress

CLUSTER_HELP = "Extract on this Dask cluster (tcp://SCHEDULER:8786) instead of local processes; needs the [dask] extra."


def article_options(f):
    """The options of commands that read articles: format, encoding and metadata overrides."""
    for option in reversed([
        click.option("--input-format", type=click.Choice(["text", "html", "jsonl", "feed"]), help="Skip format detection."),
        click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the inputs."),
        click.option("--published", type=DAY, help="Publication date (YYYY-MM-DD) for every article."),
        click.option("--title", help="Title for every article."),
        click.option("--url", help="Canonical URL (one article)."),
        click.option("--outlet", help="Outlet for every article."),
    ]):
        f = option(f)
    return f


def batch_options(f):
    """Workers, cluster, --strict and --report, shared by the commands that read in bulk."""
    for option in reversed([
        click.option("--workers", type=click.IntRange(1, 256), default=None,
                     help="Extraction processes (default: the number of cores)."),
        click.option("--cluster", metavar="ADDRESS", help=CLUSTER_HELP),
        click.option("--strict", is_flag=True, help="Exit 1 when any input fails, not only when all do."),
        click.option("--report", "report_file", type=click.Path(dir_okay=False, writable=True),
                     help="Write each skipped input and its reason to this file (JSON lines)."),
    ]):
        f = option(f)
    return f


def _workers(requested: int | None) -> int:
    workers, lowered = api.usable_workers(requested)
    if lowered:
        click.echo(f"warning: {lowered}", err=True)
    return workers


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@store_option
@article_options
@batch_options
@click.option("--resume", is_flag=True, help="Skip articles the store already holds (after an interrupted ingest).")
@limit_options
@classifier_option
def ingest(sources, store_url, input_format, encoding, published, title, url, outlet, workers, cluster, strict,
           report_file, resume, limits) -> None:
    """Read articles (files, folders, globs, - for stdin) and store their facts.

    An article whose date cannot be read (a Date: header, a JSON Lines or feed date) is reported
    and skipped; one with no date at all is stored, with a warning, and `validate` lists it.

    Example: stancegraph ingest corpus/ --published 2023-06-07 --outlet Guardian
    """
    workers = 1 if cluster else _workers(workers)
    with ingest_progress(api.count_inputs(sources, input_format) if sys.stderr.isatty() else None) as progress:
        report = api.ingest_sources(sources, store_url, fmt=input_format, encoding=encoding,
                                    published=published, title=title, url=url, outlet=outlet,
                                    progress=progress, workers=workers, resume=resume, limits=limits,
                                    cluster=cluster)
    _finish(report, "ingested", report_file, strict)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write an extraction file (JSON Lines, one record per article) for `load`; bad inputs are skipped.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="json", show_default=True,
              help="Without -o: how to print the extractions.")
@article_options
@batch_options
@confidence_option
@limit_options
@classifier_option
def extract(sources, output, fmt, input_format, encoding, published, title, url, outlet, workers, cluster, strict,
            report_file, min_confidence, limits) -> None:
    """Extract actors, relations and stances of articles without storing them.

    With -o, every article the sources hold goes into one extraction file, which `load` writes
    into any store (extract once, feed several stores); otherwise the extractions are printed.

    Example: stancegraph extract corpus/ -o extractions.jsonl --workers 2
    """
    metadata = dict(fmt=input_format, encoding=encoding, published=published, title=title, url=url, outlet=outlet)
    if output:
        workers = 1 if cluster else _workers(workers)
        with ingest_progress(api.count_inputs(sources, input_format) if sys.stderr.isatty() else None) as progress:
            report = api.extract_to_file(sources, output, workers=workers, limits=limits, cluster=cluster,
                                         progress=progress, **metadata)
        _finish(report, f"extracted into {output}", report_file, strict)
        return
    extractions = api.extract_sources(sources, min_confidence=min_confidence, limits=limits, **metadata)
    for warning in (w for e in extractions for w in e.warnings):
        click.echo(f"warning: {warning}", err=True)
    if fmt == "table":
        emit([s for e in extractions for s in api.stance_rows(e)], "table",
             ["actor", "topic", "polarity", "attribution", "speaker", "evidence"])
    elif fmt == "json" and len(extractions) == 1:
        click.echo(json.dumps(extractions[0].to_json(), ensure_ascii=False, indent=2))
    else:
        for extraction in extractions:
            click.echo(json.dumps(extraction.to_json(), ensure_ascii=False))


@cli.command()
@click.argument("files", nargs=-1, required=True)
@store_option
@click.option("--resume", is_flag=True, help="Skip articles the store already holds.")
@click.option("--strict", is_flag=True, help="Exit 1 when any record fails, not only when all do.")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, writable=True),
              help="Write each skipped record and its reason to this file (JSON lines).")
def load(files, store_url, resume, strict, report_file) -> None:
    """Write extraction files (from `extract -o`) into a store, each article replaced whole.

    Example: stancegraph load extractions.jsonl --store falkordb://localhost:6379
    """
    report = api.load_extractions(files, store_url, resume=resume)
    _finish(report, "loaded", report_file, strict)


def _finish(report, verb: str, report_file: str | None, strict: bool) -> None:
    """The run's report on stderr (at most 20 skipped inputs and warnings), the failure file,
    and exit 1 when nothing was done or, with --strict, when anything failed."""
    shown = report.failures[:20]
    for failure in shown:
        click.echo(f"skipped: {failure}", err=True)
    if len(shown) < len(report.failures):
        click.echo(f"skipped: … and {len(report.failures) - len(shown)} more (see --report)", err=True)
    for warning in report.warnings[:20]:
        click.echo(f"warning: {warning}", err=True)
    if len(report.warnings) > 20:
        click.echo(f"warning: … and {len(report.warnings) - 20} more", err=True)
    resumed = f", {report.resumed} already stored" if report.resumed else ""
    click.echo(f"{verb} {report.articles} article(s): {report.stances} stance(s), "
               f"{report.relations} relation(s); {len(report.failures)} input(s) skipped{resumed}", err=True)
    if report_file:
        api.write_failure_report(report, report_file)  # after the summary: a bad path loses no word of it
    if report.failures and (strict or (report.articles == 0 and report.resumed == 0)):
        sys.exit(1)
