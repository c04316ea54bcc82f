"""The questions: stances, evidence, timelines, changes, coalitions, relations, actors, topics
and the discourse-network analyses. Each parses its options, calls one library function, formats."""

from __future__ import annotations

import click

from .. import api
from ..errors import StanceGraphError
from ..output import render
from .app import (
    END, N_HELP, by_option, cli, confidence_option, emit, emit_matrix, emit_stances, format_option, store_option,
    window_options,
)


def _window_without_as_of(f):
    return window_options(f, as_of=False)


@cli.command(epilog=N_HELP)
@click.argument("topic", required=False)
@store_option
@click.option("--polarity", type=click.Choice(["support", "oppose", "mixed"]))
@click.option("--actor-type", type=click.Choice(["Person", "State", "Organization", "Group"], case_sensitive=False))
@window_options
@by_option
@click.option("--matrix", "as_matrix", is_flag=True, help="Actors × topics, one cell per latest polarity.")
@format_option
@confidence_option
def stances(topic, store_url, polarity, actor_type, since, until, as_of, max_age, by, as_matrix, min_confidence, fmt) -> None:
    """Who stands where: one row per actor and topic (a topic id or a word of it).

    Example: stancegraph stances invitation --by state --as-of 2023-07-01
    """
    filters = dict(polarity=polarity, actor_type=actor_type, since=since, until=until, as_of=as_of, max_age=max_age,
                   by=by)
    if as_matrix:
        emit_matrix(*api.stance_matrix(store_url, min_confidence=min_confidence, **filters), fmt)
        return
    emit_stances(api.stances(store_url, topic, min_confidence=min_confidence, **filters), fmt)


def _actor_and_topic(f):
    """ACTOR and TOPIC arguments with the store, format and confidence options."""
    for decorate in (confidence_option, format_option, store_option, click.argument("topic"),
                     click.argument("actor_name", metavar="ACTOR")):
        f = decorate(f)
    return f


@cli.command()
@_actor_and_topic
def evidence(actor_name, topic, store_url, min_confidence, fmt) -> None:
    """Every statement behind one actor and topic, newest first, with quote, speaker and source.

    Example: stancegraph evidence Germany invitation
    """
    rows = api.evidence_for(store_url, actor_name, topic, min_confidence)
    emit(rows, fmt, ["date", "polarity", "attribution", "speaker", "outlet", "evidence"] if fmt == "table" else None,
         record_type=api.StanceRecord)


@cli.command()
@_actor_and_topic
def timeline(actor_name, topic, store_url, min_confidence, fmt) -> None:
    """An actor's stance on a topic over time, one point per dated article.

    Example: stancegraph timeline Germany invitation
    """
    emit(api.timeline_of(store_url, actor_name, topic, min_confidence), fmt,
         ["date", "polarity", "statements", "evidence"] if fmt == "table" else None, record_type=api.TimelinePoint)


@cli.command()
@click.argument("topic", required=False)
@store_option
@_window_without_as_of
@format_option
@confidence_option
def changes(topic, store_url, since, until, max_age, min_confidence, fmt) -> None:
    """Who changed position on a topic (or any topic), and when.

    Example: stancegraph changes invitation --since 2022-01-01
    """
    rows = api.position_changes(store_url, topic, since, until, min_confidence, max_age=max_age)
    emit(rows, fmt, ["actor", "topic", "before", "after", "last_before", "first_after", "evidence"] if fmt == "table" else None,
         empty="no changes of position found", record_type=api.PositionChange)


@cli.command()
@click.argument("topic", required=False)
@store_option
@window_options
@by_option
@click.option("--pairs", is_flag=True, help="Pairs of actors who agree or disagree most across topics.")
@format_option
@confidence_option
def coalitions(topic, store_url, since, until, as_of, max_age, by, pairs, min_confidence, fmt) -> None:
    """Actors grouped by shared polarity on a topic; --pairs ranks agreement across topics.

    Example: stancegraph coalitions invitation --as-of 2023-07-12 --by state
    """
    window = dict(since=since, until=until, as_of=as_of, max_age=max_age, by=by)
    if pairs:
        emit(api.agreement_pairs(store_url, min_confidence=min_confidence, **window), fmt, wide=None,
             empty="no pairs of actors share a topic", record_type=api.Agreement)
        return
    emit(api.coalitions_on(store_url, topic, min_confidence, **window), fmt,
         ["topic", "polarity", "actors"] if fmt == "table" else None, wide="actors", record_type=api.Coalition)


@cli.command()
@click.argument("actor_name", metavar="[ACTOR]", required=False)
@store_option
@click.option("--at", type=END, help="Roles held at this date (dictionary roles and relations observed up to it).")
@click.option("--predicate", help="Only this relation, e.g. advises or president_of.")
@format_option
def relations(actor_name, store_url, at, predicate, fmt) -> None:
    """Who advises, leads or represents whom, with evidence and dates.

    Example: stancegraph relations Zelensky --at 2023-06-07
    """
    rows = api.relations(store_url, actor_name, at, predicate)
    emit(rows, fmt, ["subject", "predicate", "object", "start", "end", "source"] if fmt == "table" else None,
         wide=None, empty="no relations found", record_type=api.RoleRecord)


@cli.command()
@click.argument("name")
@store_option
@window_options
@format_option
@confidence_option
def actor(name, store_url, since, until, as_of, max_age, min_confidence, fmt) -> None:
    """An actor's roles, relations and stances, by name, alias, surname or Wikidata id.

    Example: stancegraph actor Rasmussen
    """
    if fmt == "csv":
        raise StanceGraphError("an actor profile is nested and has no CSV form: use --format json or jsonl, "
                               "or stancegraph stances/relations --format csv")
    profile = api.actor(store_url, name, min_confidence=min_confidence, since=since, until=until, as_of=as_of,
                        max_age=max_age)
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
        rows = [{"topic": s.topic, "polarity": s.polarity, "n": f"{s.backing}/{s.statements}", "last_date": s.last_date,
                 "stale": "stale" if s.stale else "", "evidence": s.evidence} for s in profile.stances]
        click.echo(render(rows, "table", ["topic", "polarity", "n", "last_date", "stale", "evidence"], "evidence"))


@cli.command()
@format_option
def topics(fmt) -> None:
    """The topic set the extractor codes stances on.

    Example: stancegraph topics --format json
    """
    emit(api.topics(), fmt, ["id", "label"] if fmt == "table" else ["id", "label", "definition", "broader"], wide="label")


@cli.command()
@click.argument("kind", type=click.Choice(list(api.ANALYSES)))
@store_option
@click.option("--topic", help="Only positions on this topic.")
@window_options
@by_option
@click.option("--normalise", "--normalize", "normalise", type=click.Choice(["raw", "jaccard", "cosine"]), default="raw",
              show_default=True, help="Edge weights of the congruence and conflict networks.")
@format_option
@confidence_option
def analyze(kind, store_url, topic, since, until, as_of, max_age, by, normalise, min_confidence, fmt) -> None:
    """Discourse-network analysis: congruence and conflict networks, coalitions, centrality.

    Example: stancegraph analyze congruence --normalise jaccard --since 2023-01-01
    """
    window = dict(since=since, until=until, as_of=as_of, max_age=max_age, by=by)
    rows = api.analyse(store_url, kind, topic, normalise, min_confidence, **window)
    empty = "no positions in this window"
    if not rows and api.stances(store_url, topic, min_confidence, **window):
        empty = EMPTY_ANALYSIS.get(kind, empty)
    emit(rows, fmt, None, wide="actors" if kind == "communities" else None, record_type=api.ANALYSES[kind], empty=empty)


EMPTY_ANALYSIS = {
    "congruence": "positions found, but no two actors share one",
    "conflict": "positions found, but no two actors hold opposite ones on a topic",
    "communities": "positions found, but no two actors share one",
}
