"""Who signs a document holds what it says: 'the joint statement of Zelensky and Trudeau says
that Canada supports …', 'Trudeau signed a declaration with Zelensky, in which Ottawa supported
…' (the development gold's convention: each signatory holds the declaration's position)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .holders import AGREEMENTS, DOCUMENTS, SIGNING_VERBS, signed, signed_with, subject_of

if TYPE_CHECKING:
    from .walk import Context

SIGNING = SIGNING_VERBS | {"adopt", "co-sign", "cosign"}  # a declaration is adopted, too


def with_signatories(holders: tuple[str, ...], node, frame, ctx: Context) -> tuple[str, ...]:
    """The states a document commits, with those who signed it: only where every holder is a
    state that a signatory speaks for, so a document that reports another's view ('the
    statement said Russia opposes …') is no signatory's."""
    if not holders or not all(ctx.is_state(h) for h in holders):
        return holders
    signers = list(frame.speakers) if frame is not None and frame.document else []
    signers += [a for verb in ctx.doc if verb.lemma_.lower() in SIGNING and verb.i < node.i
                for a in _signers(verb, ctx)]
    if not all(h in signers or any(ctx.affiliated(s, h) for s in signers) for h in holders):
        return holders
    return holders + tuple(dict.fromkeys(s for s in signers if s not in holders))


def _signers(verb, ctx: Context) -> list[str]:
    """'He signed a declaration with President Zelenskyy': the subject and the partners, when what
    is signed is a document."""
    documents = signed(verb, DOCUMENTS | AGREEMENTS)
    if not documents:
        return []
    subject = subject_of(verb, ctx.lexicon)
    found = ctx.resolver.actors(subject) if subject is not None else []
    return [*found, *signed_with(verb, documents, ctx.resolver)]
