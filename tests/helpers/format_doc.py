"""The field tables of exchange/FORMAT.md as the declaration in domain/exchange_format.py says they must read.

``python -m tests.helpers.format_doc`` prints them, to paste into FORMAT.md after changing the declaration."""

from chibo_desktop.domain.exchange_format import (
    AUDIT_ENTRY,
    DUES_MEMBER_MONTH,
    DUES_MONTH,
    MANIFEST,
    MANIFEST_OPTIONAL,
    RECEIPT,
    RECEIPT_OPTIONAL,
    TABLES,
    Choice,
    Day,
    Fields,
    Flag,
    Group,
    Moment,
    Ref,
    Rows,
    Scores,
    Spec,
    Text,
    Uuid,
    Whole,
)


def describe(spec: Spec) -> str:
    if isinstance(spec, Text):
        kind = "name" if spec.name else "text, several lines" if spec.lines else "text, one line"
        words = f"{kind}, ≤ {spec.max_len:,} characters"
        if spec.pattern:
            words += ", matching `" + spec.pattern.replace("|", "\\|") + "`"
    elif isinstance(spec, Whole):
        words = f"integer {spec.low:,} to {spec.high:,}"
    elif isinstance(spec, Choice):
        words = "one of " + ", ".join(f"`{v}`" for v in spec.values)
    elif isinstance(spec, Day):
        words = "date `YYYY-MM-DD`"
    elif isinstance(spec, Moment):
        words = "time `YYYY-MM-DDTHH:MM:SS`"
    elif isinstance(spec, Flag):
        words = "true or false"
    elif isinstance(spec, Uuid):
        words = "UUID"
    elif isinstance(spec, Ref):
        words = f"UUID of a record of `{spec.target}`"
    elif isinstance(spec, Scores):
        words = "empty, or JSON text `{item: points}` (points 0 to 1,000)"
    elif isinstance(spec, Rows):
        words = f"list of at most {spec.max_rows:,} records"
    else:
        words = "object"
    if not isinstance(spec, Group) and spec.optional:
        words += ", or null"
    return words


def rows(fields: Fields, prefix: str = "") -> list[str]:
    out = []
    for name, spec in fields.items():
        out.append(f"| `{prefix}{name}` | {describe(spec)} |")
        if isinstance(spec, Rows | Group):
            out.extend(rows(spec.fields, f"{prefix}{name}{'[]' if isinstance(spec, Rows) else ''}."))
    return out


def sections() -> dict[str, list[str]]:
    """Heading → the table rows under it."""
    out = {f"data.json: {table}": rows(fields) for table, fields in TABLES.items()}
    out["Fields of manifest.json"] = rows(MANIFEST)
    out["Fields manifest.json may leave out"] = rows(MANIFEST_OPTIONAL)
    out["Fields of a month of dues.json"] = rows(DUES_MONTH)
    out["Fields of a member's month of dues.json"] = rows(DUES_MEMBER_MONTH)
    out["Fields of an audit entry"] = rows(AUDIT_ENTRY)
    out["Fields of a receipt"] = rows(RECEIPT)
    out["Fields a receipt may leave out"] = rows(RECEIPT_OPTIONAL)
    return out


if __name__ == "__main__":
    for heading, lines in sections().items():
        print(f"### {heading}\n\n| field | value |\n|---|---|")
        print("\n".join(lines))
        print()
