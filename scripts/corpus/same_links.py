"""Whether the Spark job's links (a directory of JSONL parts) are exactly those of
`draftdiff sources --format json` (one JSON file per draft, or the JSON Lines of
`sources --drafts`, one line per draft): the same (draft, draft units,
document, document units) with the same score, kind and change, as
python/tests/test_spark_lineage.py compares them.

    python3 scripts/corpus/same_links.py SPARK_OUT_DIR CLI_JSON_OR_JSONL...

Prints the counts and the first differences; exit status 0 when identical, 1 when not,
2 when an input cannot be read.
"""

import glob
import json
import os
import sys


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    spark = {}
    try:
        for part in sorted(glob.glob(os.path.join(argv[0], "part-*.json"))):
            with open(part, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        r = json.loads(line)
                        key = (r["draft"], tuple(r["draft_units"]), r["document"],
                               tuple(r["document_units"]))
                        spark[key] = (r["score"], r["kind"], r["change"])
        cli = {}
        for path in argv[1:]:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            # One pretty-printed answer, or one answer a line.
            answers = ([json.loads(text)] if text.lstrip().startswith("{\n")
                       else [json.loads(line) for line in text.splitlines() if line.strip()])
            for found in answers:
                draft = os.path.basename(found["draft"]["path"])
                for link in found["links"]:
                    document = os.path.basename(found["documents"][link["document"]]["path"])
                    key = (draft, tuple(link["new"]), document, tuple(link["old"]))
                    cli[key] = (link["score"], link["kind"], link["change"])
    except (OSError, ValueError, KeyError) as e:
        print(f"same_links: {e}", file=sys.stderr)
        return 2
    only_spark = sorted(set(spark) - set(cli))
    only_cli = sorted(set(cli) - set(spark))
    changed = sorted(k for k in set(spark) & set(cli) if spark[k] != cli[k])
    print(f"spark {len(spark)} links, cli {len(cli)}: only spark {len(only_spark)}, "
          f"only cli {len(only_cli)}, same key but other score/kind/change {len(changed)}")
    for what, keys in (("only spark", only_spark), ("only cli", only_cli), ("changed", changed)):
        for k in keys[:5]:
            print(f"  {what}: {k}")
    return 0 if not (only_spark or only_cli or changed) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
