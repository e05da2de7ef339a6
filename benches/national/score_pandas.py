"""Scores every agency of a national directory with pandas: the baseline `prongsai score --by-agency` is measured against.

Usage: python score_pandas.py DIR FRAMEWORK_JSON > result.json

FRAMEWORK_JSON is the output of `prongsai catalog show <year> --format json`, so scales, reverse flags, weights,
roll-up rules and grade bands are exactly the ones the Rust scorer uses. The output has the same shape as
`prongsai score --year <year> --by-agency DIR --format json` (one agency per line).
"""

import json
import sys

import numpy as np
import pandas as pd


def rust_num(x):
    """Formats a float the way Rust's `{}` does (30.0 -> "30")."""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def round2(x):
    """The domain's round2: half away from zero, a value within 1e-9 of a half-hundredth counts as a half."""
    y = np.asarray(x, dtype=np.float64) * 100.0
    fl = np.floor(y)
    half = np.abs((y - fl) - 0.5) < 1e-9
    return np.where(half, np.where(y >= 0, fl + 1.0, fl), np.round(y)) / 100.0


def seq_mean(cols):
    """Mean of columns summed left to right, as the domain sums (0.0 + a + b + …) / n."""
    acc = 0.0
    for c in cols:
        acc = acc + c
    return acc / len(cols)


def assumptions(fw):
    """The domain's list of assumed parameters (scoring/assumptions.rs), for a result computed from questions and items."""
    out = []

    def push(what, prov):
        if prov.startswith("assumed:"):
            line = f"{what} — {prov}"
            if line not in out:
                out.append(line)

    for t in fw["tools"]:
        push(f"น้ำหนักเครื่องมือ {t['code']} = {rust_num(t['weight'])}%", t["weight_provenance"])
        if t.get("parts_provenance"):
            parts = ", ".join(f"{p['prefix']} {rust_num(p['weight'])}%" for p in t["parts"])
            push(f"สัดส่วนส่วนย่อยของ {t['code']} ({parts})", t["parts_provenance"])
    push("กฎการรวมคะแนน (roll-up rules)", fw["rules"]["provenance"])
    push("คะแนนตัวชี้วัด = ค่าเฉลี่ยของข้อคำถาม", fw["rules"]["question_provenance"])
    push(f"เกณฑ์ผ่าน {rust_num(fw['pass']['mark'])} คะแนน", fw["pass"]["provenance"])
    push("ช่วงคะแนนของระดับผลการประเมิน (grade bands)", fw["grading"]["provenance"])
    if fw["rules"]["oit_aggregation"] == "mean_of_sub_indicators":
        codes = [o["code"] for o in fw["oit_items"] if o["placement_provenance"].startswith("assumed:")]
        if codes:
            out.append(
                f"การจัดข้อ OIT เข้าตัวชี้วัดย่อย ({', '.join(codes)}) — assumed: grouping not confirmed for {fw['fiscal_year']}"
            )
    return out


def question_means(d, fw, agencies):
    """Per agency × question: mean points over respondents (blank = not answered)."""
    tool_of = {i["number"]: i["tool"] for i in fw["indicators"]}
    frames = []
    for fname, tool in (("iit.csv", "IIT"), ("eit.csv", "EIT")):
        qs = [q for q in fw["questions"] if tool_of[q["indicator"]] == tool]
        codes = [q["code"] for q in qs]
        df = pd.read_csv(f"{d}/{fname}", dtype={"agency": str, **{c: np.float64 for c in codes}})
        for q in qs:
            answers = fw["scales"][q["scale"]]["answers"]
            pts = [a["points"] for a in answers]
            if q["reverse"]:
                pts = pts[::-1]
            lut = np.full(max(a["level"] for a in answers) + 1, np.nan)
            for a, p in zip(answers, pts):
                lut[a["level"]] = p
            v = df[q["code"]].to_numpy()
            given = ~np.isnan(v)
            lv = v[given]
            ok = (lv == np.floor(lv)) & (lv >= 0) & (lv < len(lut))
            if not ok.all():
                sys.exit(f"{fname}: bad answer in column {q['code']}")
            out = np.full(len(v), np.nan)
            out[given] = lut[lv.astype(np.int64)]
            if np.isnan(out[given]).any():
                sys.exit(f"{fname}: answer not on the scale of {q['code']}")
            df[q["code"]] = out
        unknown = ~df["agency"].isin(agencies)
        if unknown.any():
            sys.exit(f"{fname}: unknown agency {df['agency'][unknown].iloc[0]}")
        frames.append(df.groupby("agency", sort=False)[codes].mean())
    means = pd.concat(frames, axis=1).reindex(agencies)
    if means.isna().any().any():
        sys.exit("some agency has no answer for some question")
    return means


def main():
    d, fw_path = sys.argv[1], sys.argv[2]
    with open(fw_path, encoding="utf-8") as f:
        fw = json.load(f)
    agencies = pd.read_csv(f"{d}/agencies.csv", dtype=str, keep_default_na=False)["agency"]
    qm = question_means(d, fw, agencies)
    oit = pd.read_csv(f"{d}/oit.csv", dtype={"agency": str}).set_index("agency").reindex(agencies) * 100.0
    if oit.isna().any().any():
        sys.exit("oit.csv: missing agency or item")

    tools = {t["code"]: t for t in fw["tools"]}
    ind_scores, subs_of, part_means = {}, {}, {}
    for ind in fw["indicators"]:
        n, tool = ind["number"], ind["tool"]
        if tool == "OIT":
            items = [o for o in fw["oit_items"] if o["indicator"] == n]
            subs = []
            for s in fw["sub_indicators"]:
                if s["indicator"] == n:
                    cols = [oit[o["code"]] for o in items if o["sub_indicator"] == s["code"]]
                    if cols:
                        subs.append((s, seq_mean(cols)))
            subs_of[n] = subs
            if fw["rules"]["oit_aggregation"] == "mean_of_sub_indicators" and subs:
                ind_scores[n] = seq_mean([m for _, m in subs])
            else:
                ind_scores[n] = seq_mean([oit[o["code"]] for o in items])
            continue
        qs = [q for q in fw["questions"] if q["indicator"] == n]
        parts = tools[tool]["parts"]
        if not parts:
            ind_scores[n] = seq_mean([qm[q["code"]] for q in qs])
        else:
            acc, wsum = 0.0, 0.0
            for p in parts:
                cols = [qm[q["code"]] for q in qs if q["part"] == p["prefix"]]
                if cols:
                    m = seq_mean(cols)
                    acc, wsum = acc + p["weight"] * m, wsum + p["weight"]
                    part_means.setdefault(p["prefix"], []).append(m)
            ind_scores[n] = acc / wsum

    tool_scores, total = {}, 0.0
    for t in fw["tools"]:
        s = seq_mean([ind_scores[n] for n in (i["number"] for i in fw["indicators"] if i["tool"] == t["code"])])
        tool_scores[t["code"]] = s
        total = total + t["weight"] * s / 100.0
    graded = round2(total) if fw["rules"]["grade_basis"] == "rounded2dp" else np.asarray(total)
    bands = fw["grading"]["bands"]
    grades = np.select([graded >= b["min"] for b in bands], [b["grade"] for b in bands], default="F")
    passed = graded >= fw["pass"]["mark"]

    # Plain lists of rounded values make the per-agency loop cheap.
    r = lambda s: round2(s).tolist()  # noqa: E731
    qv = {c: r(qm[c]) for c in qm.columns}
    ov = {c: r(oit[c]) for c in oit.columns}
    iv = {n: r(v) for n, v in ind_scores.items()}
    sv = {n: [(s, r(m)) for s, m in subs] for n, subs in subs_of.items()}
    tv = {c: r(v) for c, v in tool_scores.items()}
    pv = {c: r(seq_mean(ms)) for c, ms in part_means.items()}
    totv, gv, passv = r(total), grades.tolist(), passed.tolist()
    assumed = assumptions(fw)

    out = sys.stdout
    out.write(json.dumps({"framework": fw["id"], "fiscal_year": fw["fiscal_year"]}, ensure_ascii=False, separators=(",", ":"))[:-1])
    out.write(',"agencies":[')
    for k, agency in enumerate(agencies.tolist()):
        inds = []
        for ind in fw["indicators"]:
            n = ind["number"]
            e = {"number": n, "name": ind["name_th"], "tool": ind["tool"], "score": iv[n][k], "source": "computed"}
            if ind["tool"] == "OIT":
                e["sub_indicators"] = [{"code": s["code"], "name": s["name_th"], "score": v[k]} for s, v in sv[n]]
                e["items"] = [{"code": o["code"], "score": ov[o["code"]][k]} for o in fw["oit_items"] if o["indicator"] == n]
            else:
                e["items"] = [{"code": q["code"], "score": qv[q["code"]][k]} for q in fw["questions"] if q["indicator"] == n]
            inds.append(e)
        tls = []
        for t in fw["tools"]:
            e = {"code": t["code"], "weight": t["weight"], "score": tv[t["code"]][k]}
            if t["parts"]:
                e["parts"] = [{"code": p["prefix"], "weight": p["weight"], "score": pv[p["prefix"]][k]} for p in t["parts"]]
            tls.append(e)
        obj = {
            "agency": agency,
            "framework": fw["id"],
            "fiscal_year": fw["fiscal_year"],
            "indicators": inds,
            "tools": tls,
            "total": totv[k],
            "grade": gv[k],
            "passed": passv[k],
            "assumptions": assumed,
        }
        out.write("\n" if k == 0 else ",\n")
        out.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
    out.write("\n]}\n")


if __name__ == "__main__":
    main()
