#!/usr/bin/env python3
"""Writes the variant report fixtures in this folder and Tests/ReportParserTests/VariantReportTests.swift.

Every fixture is a complete invented report (own agency, own narrative, own numbers) laid out
the way real copies arrive: tab cells, pipe tables, one cell per line, HTML, OCR Markdown, web
text with cells run together, PDF text. The numbers written here are the expectations: the
renderers only lay them out; where a layout loses a value (an empty cell, a short row, an
ambiguous digit run) the fixture says so explicitly and the expectation is null.

Run from anywhere: python3 make_variants.py   (needs only the standard library)
"""
import itertools
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
TEST_FILE = os.path.normpath(os.path.join(HERE, "..", "..", "VariantReportTests.swift"))

# ---------------------------------------------------------------------------------------------
# Template shapes
# ---------------------------------------------------------------------------------------------

AD_GROUPS = {
    "2021": [
        ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
         [("regulations", "规章"), ("normativeDocuments", "行政规范性文件")]),
        ("第二十条第（五）项", ["本年处理决定数量"], [("licensing", "行政许可")]),
        ("第二十条第（六）项", ["本年处理决定数量"], [("punishment", "行政处罚"), ("coercion", "行政强制")]),
        ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("fees", "行政事业性收费")]),
    ],
    "2019": [
        ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
         [("regulations", "规章"), ("normativeDocuments", "规范性文件")]),
        ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
         [("licensing", "行政许可"), ("otherServices", "其他对外管理服务事项")]),
        ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
         [("punishment", "行政处罚"), ("coercion", "行政强制")]),
        ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("fees", "行政事业性收费")]),
        ("第二十条第（九）项", ["采购项目数量", "采购总金额"], [("procurement", "政府集中采购")]),
    ],
}


def ad_keys(t):
    return [k for _, _, rows in AD_GROUPS[t] for k, _ in rows]


def ad_width(t, key):
    for _, cols, rows in AD_GROUPS[t]:
        if key in [k for k, _ in rows]:
            return len(cols)
    raise KeyError(key)


# Section 三 rows: (key, top label, group label, sub label). The top label is 一、/二、/四、 for the
# three framing rows; outcome rows sit under 三、本年度办理结果, some under a group (（三）…).
RESULTS = "三、本年度办理结果"
PARTIAL = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
OTHER1 = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
OTHER2 = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"


def app_rows(t):
    rows = [
        ("newlyReceived", "一、本年新收政府信息公开申请数量", None, None),
        ("carriedOver", "二、上年结转政府信息公开申请数量", None, None),
        ("granted", None, "（一）予以公开", None),
        ("partiallyGranted", None, PARTIAL, None),
        ("denied.stateSecret", None, "（三）不予公开", "1.属于国家秘密"),
        ("denied.prohibitedByLaw", None, "（三）不予公开", "2.其他法律行政法规禁止公开"),
        ("denied.safetyStability", None, "（三）不予公开", "3.危及“三安全一稳定”"),
        ("denied.thirdPartyRights", None, "（三）不予公开", "4.保护第三方合法权益"),
        ("denied.internalAffairs", None, "（三）不予公开", "5.属于三类内部事务信息"),
        ("denied.processInformation", None, "（三）不予公开", "6.属于四类过程性信息"),
        ("denied.enforcementFiles", None, "（三）不予公开", "7.属于行政执法案卷"),
        ("denied.administrativeQuery", None, "（三）不予公开", "8.属于行政查询事项"),
        ("unavailable.notHeld", None, "（四）无法提供", "1.本机关不掌握相关政府信息"),
        ("unavailable.needsCreation", None, "（四）无法提供", "2.没有现成信息需要另行制作"),
        ("unavailable.unclear", None, "（四）无法提供", "3.补正后申请内容仍不明确"),
        ("notProcessed.complaint", None, "（五）不予处理", "1.信访举报投诉类申请"),
        ("notProcessed.repeated", None, "（五）不予处理", "2.重复申请"),
        ("notProcessed.publication", None, "（五）不予处理", "3.要求提供公开出版物"),
        ("notProcessed.excessive", None, "（五）不予处理", "4.无正当理由大量反复申请"),
        ("notProcessed.confirmation", None, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    ]
    if t == "2021":
        rows += [
            ("other.noCorrection", None, "（六）其他处理", OTHER1),
            ("other.feeUnpaid", None, "（六）其他处理", OTHER2),
            ("other.other", None, "（六）其他处理", "3.其他"),
        ]
    else:
        rows.append(("other", None, "（六）其他处理", None))
    rows += [
        ("totalHandled", None, "（七）总计", None),
        ("carriedForward", "四、结转下年度继续办理", None, None),
    ]
    return rows


def app_keys(t):
    return [r[0] for r in app_rows(t)]


def outcome_keys(t):
    return [k for k in app_keys(t) if k not in ("newlyReceived", "carriedOver", "totalHandled", "carriedForward")]


RL_KEYS = ["review", "litigationDirect", "litigationAfterReview"]
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------


def apps(t, leaf, over=None, fwd=None):
    """A consistent section 三: leaf outcome rows (six applicant columns each), 二 and 四;
    the 总计 column, （七）总计 and 一 follow from the sums (勾稽关系)."""
    over = over or [0] * 6
    fwd = fwd or [0] * 6
    for k in leaf:
        assert k in outcome_keys(t), k
    rows = {}
    for k in outcome_keys(t):
        v = list(leaf.get(k, [0] * 6))
        assert len(v) == 6
        rows[k] = v + [sum(v)]
    th = [sum(rows[k][c] for k in outcome_keys(t)) for c in range(7)]
    rows["totalHandled"] = th
    rows["carriedOver"] = list(over) + [sum(over)]
    rows["carriedForward"] = list(fwd) + [sum(fwd)]
    newly = [th[c] + rows["carriedForward"][c] - rows["carriedOver"][c] for c in range(7)]
    assert all(n >= 0 for n in newly), newly
    rows["newlyReceived"] = newly
    return rows


def review(r, d, a):
    return {"review": list(r) + [sum(r)], "litigationDirect": list(d) + [sum(d)],
            "litigationAfterReview": list(a) + [sum(a)]}


def distinct_numbers(seed):
    """Section 二, 三, 四 of one 2021 report with every number non-zero and distinct."""
    rnd = random.Random(seed)
    while True:
        pool = rnd.sample(range(1, 400), 23 * 6 + 12 + 12 + 10)
        it = iter(pool)
        leaf = {k: [next(it) for _ in range(6)] for k in outcome_keys("2021")}
        over = [next(it) for _ in range(6)]
        fwd = [next(it) for _ in range(6)]
        rows = apps("2021", leaf, over, fwd)
        rl = review([next(it) for _ in range(4)], [next(it) for _ in range(4)], [next(it) for _ in range(4)])
        ad = {"regulations": [next(it), next(it), next(it)], "normativeDocuments": [next(it), next(it), next(it)],
              "licensing": [next(it)], "punishment": [next(it)], "coercion": [next(it)], "fees": ["12.5"]}
        values = [v for vs in rows.values() for v in vs] + [v for vs in rl.values() for v in vs] + \
                 [v for vs in ad.values() for v in vs]
        if len(set(values)) == len(values):
            return ad, rows, rl


def num(v):
    """Expected value of a written cell: '12.5' → 12.5, 3 → 3, None → None."""
    if v is None:
        return None
    if isinstance(v, str):
        return float(v) if "." in v else int(v)
    return v


def cell(v):
    return "" if v is None else str(v)


# ---------------------------------------------------------------------------------------------
# Digit-run checks for the web-text fixtures (the reading a careful human does)
# ---------------------------------------------------------------------------------------------


def splits(digits, count):
    out = []

    def valid(p):
        if not p or p[0] == "." or p[-1] == "." or p.count(".") > 1:
            return False
        if p[0] == "0" and len(p) > 1 and p[1] != ".":
            return False
        return True

    def rec(start, cur):
        if len(cur) == count:
            if start == len(digits):
                out.append(list(cur))
            return
        for end in range(start + 1, len(digits) + 1):
            p = digits[start:end]
            if valid(p):
                rec(end, cur + [float(p) if "." in p else int(p)])

    rec(0, [])
    return out


def row_ok(v):
    return sum(v[:-1]) == v[-1]


def rl_ok(v):
    return all(row_ok(v[i:i + 5]) for i in range(0, 15, 5))


def check_runs(fixture, expect_ambiguous=()):
    """Each run-together row must split one way only, under its own row sum; rows named in
    expect_ambiguous must admit two readings that keep every sum of the table."""
    t = fixture.template
    for k, v in fixture.ad.items():
        if k in expect_ambiguous:
            assert len(splits("".join(cell(x) for x in v), len(v))) > 1, k
            continue
        s = splits("".join(cell(x) for x in v), len(v))
        assert s == [[num(x) for x in v]], (fixture.name, k, s)
    options = {}
    for k, v in fixture.app.items():
        s = [x for x in splits("".join(cell(x) for x in v), 7) if row_ok(x)]
        assert [num(x) for x in v] in s, (fixture.name, k)
        if k not in expect_ambiguous:
            assert len(s) == 1, (fixture.name, k, s)
        options[k] = s
    amb = [k for k in fixture.app if k in expect_ambiguous]
    if amb:
        good = 0
        for combo in itertools.product(*[options[k] for k in amb]):
            table = dict(fixture.app)
            table.update(dict(zip(amb, combo)))
            ok = all(sum(table[k][c] for k in outcome_keys(t)) == table["totalHandled"][c] and
                     table["newlyReceived"][c] + table["carriedOver"][c] ==
                     table["totalHandled"][c] + table["carriedForward"][c] for c in range(7))
            good += ok
        assert good >= 2, (fixture.name, good)
    flat = [x for k in RL_KEYS for x in fixture.rl[k]]
    s = [x for x in splits("".join(str(x) for x in flat), 15) if rl_ok(x)]
    assert s == [flat], (fixture.name, s)


# ---------------------------------------------------------------------------------------------
# Narrative
# ---------------------------------------------------------------------------------------------

STANDARD_TITLES = {1: "总体情况", 2: "主动公开政府信息情况", 3: "收到和处理政府信息公开申请情况",
                   4: "政府信息公开行政复议、行政诉讼情况", 5: "存在的主要问题及改进情况", 6: "其他需要报告的事项"}
NUMERALS = "一二三四五六"


def story(f):
    """Short invented narrative for each section: list of paragraphs."""
    y, s = f.year, f.short
    ap = f.app["newlyReceived"][6] if f.app["newlyReceived"][6] is not None else 0
    v = f.seed % 3
    p1 = [
        [f"{y}年，{s}在上级政务公开部门指导下，把政府信息公开作为转变作风、服务群众的日常工作来抓，调整了公开工作领导小组，明确办公室牵头、各科室分工负责。",
         f"1.主动公开方面。围绕年度重点任务及时发布工作动态、通知公告和政策文件，全年在门户网站公开信息{120 + f.seed * 7}条，做到应公开尽公开。",
         f"2.依申请公开方面。全年新收政府信息公开申请{ap}件，均在法定期限内答复，未发生因答复不当引发的投诉。",
         "3.政府信息管理方面。建立公开前保密审查和合法性审查双把关制度，定期清理过时信息，动态更新主动公开目录。",
         "4.平台建设方面。完善门户网站信息公开专栏，优化栏目设置，政务新媒体与网站同步发布重要信息。",
         "5.监督保障方面。将政务公开纳入科室年度考核，组织业务培训两次，接受社会各界监督。"],
        [f"{y}年，{s}认真落实《中华人民共和国政府信息公开条例》，以公开促落实、以公开促规范，政务公开工作平稳有序推进。",
         f"（一）主动公开情况。重点公开规划计划、财政预决算、行政执法等信息，全年通过政府网站发布各类信息{200 + f.seed * 11}条，政务微信推送{60 + f.seed}期。",
         f"（二）依申请公开情况。规范受理、登记、审核、答复流程，全年受理申请{ap}件，答复文书统一经法制审核。",
         "（三）政府信息管理情况。严格执行信息发布审核制度，对拟公开信息逐条核对，杜绝泄露个人隐私。",
         "（四）平台建设情况。推进网站集约化，整合办事指南与政策文件查询入口，方便群众查找。",
         "（五）监督保障情况。主要负责同志专题研究政务公开工作，年内开展自查两轮并逐项整改。"],
        [f"今年以来，{s}坚持“公开为常态、不公开为例外”，围绕群众关切扩大公开范围，提升公开质量。",
         f"一是主动公开更加及时。全年主动公开政府信息{90 + f.seed * 5}条，其中政策解读{8 + f.seed}篇，图解和短视频解读占比过半。",
         f"二是依申请办理更加规范。本年度新收申请{ap}件，答复前与申请人电话沟通，减少重复申请。",
         "三是平台管理更加严格。落实网站内容每日巡查，及时修正错误链接和过期信息。",
         "四是监督保障更加有力。将公开工作情况纳入年度述职，邀请群众代表参加评议。"],
    ][v]
    p5 = [
        ["一是政策解读形式仍较单一，图表和视频解读偏少；二是个别科室公开意识不强，信息报送不够及时。",
         f"{y + 1}年，我们将丰富解读形式，建立信息报送提醒机制，并加强对工作人员的培训。"],
        ["存在的问题：公开内容与群众需求结合不够紧密，基层公开标准化程度有待提高。",
         "改进措施：开展群众需求调查，按需调整公开重点；对照标准目录逐项完善公开事项。"],
        ["对照上级要求，我们的政务公开工作仍有差距，主要是主动公开的深度不够、互动回应还不够及时。",
         "下一步，将围绕重点领域细化公开清单，落实回应关切时限要求，提升群众满意度。"],
    ][v]
    p6 = [
        [f"1.政府信息公开收费方面：{y}年{s}未收取信息处理费。",
         f"2.人大代表建议和政协提案办理方面：共承办建议提案{3 + f.seed % 5}件，均已按期办结并公开答复摘要。"],
        [f"本年度{s}没有收取政府信息公开信息处理费，无其他需要报告的事项。"],
        [f"{s}严格执行《政府信息公开信息处理费管理办法》，{y}年度未产生信息处理费。",
         "全年共办理人大代表建议2件、政协提案1件，办复率100%。"],
    ][v]
    return p1, p5, p6


# ---------------------------------------------------------------------------------------------
# Document builder: keeps line numbers of what the renderers write
# ---------------------------------------------------------------------------------------------


class Doc:
    def __init__(self):
        self.lines = []
        self.cells = {}      # (table, row, column index) -> line
        self.rows = {}       # (table, row) -> (first line, last line)
        self.headings = {}   # section number -> line

    @property
    def next(self):
        return len(self.lines) + 1

    def add(self, *lines):
        for line in lines:
            self.lines.extend(line.split("\n"))

    def mark(self, table, row, values_at, first=None, last=None):
        """values_at: list of line numbers, one per value (or one line for all)."""
        for i, line in enumerate(values_at):
            self.cells[(table, row, i)] = line
        lines = [x for x in values_at if x is not None] + [x for x in (first, last) if x]
        if lines:
            self.rows[(table, row)] = (min(lines), max(lines))

    def text(self):
        return "\n".join(self.lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Fixture model
# ---------------------------------------------------------------------------------------------


class Fixture:
    def __init__(self, name, layout, template, agency, year, ad, app, rl, *, short=None, region=None,
                 title=None, what="", seed=0, extension="txt", **options):
        self.name = name
        self.layout = layout
        self.template = template
        self.agency = agency
        self.year = year
        self.ad = ad
        self.app = app
        self.rl = rl
        self.short = short or "我局"
        self.region = region
        self.title = title or f"{agency}{year}年政府信息公开工作年度报告"
        self.what = what
        self.seed = seed
        self.o = options
        # Expected values: what is written, with the cells the fixture blanks or loses set to None.
        self.expect_ad = {k: [num(x) for x in v] for k, v in ad.items()}
        self.expect_app = {k: [num(x) for x in v] for k, v in app.items()}
        self.expect_rl = {k: [num(x) for x in v] for k, v in rl.items()}
        self.diagnostics = []   # (rule, table, row) expected, line range from the document
        self.section_titles = dict(STANDARD_TITLES)
        self.extra = []         # extra Swift assertions
        self.doc = None
        self.encoding = None

    def blank(self, table, row, col):
        """A cell the report leaves empty: written as an empty cell, expected null."""
        {"ad": self.ad, "app": self.app, "rl": self.rl}[table][row][col] = None
        {"ad": self.expect_ad, "app": self.expect_app, "rl": self.expect_rl}[table][row][col] = None


# ---------------------------------------------------------------------------------------------
# Layout renderers for the three tables. Each takes (doc, fixture) and writes section 二/三/四
# bodies (not the headings).
# ---------------------------------------------------------------------------------------------

# ---- tab cells ------------------------------------------------------------------------------


def tab_ad(d, f):
    t = f.template
    for group, cols, rows in AD_GROUPS[t]:
        d.add(group + "\t" * 3)
        d.add("信息内容\t" + "\t".join(cols + [""] * (3 - len(cols))))
        for key, label in rows:
            vals = [fullwidth(f, key, cell(x)) for x in f.ad[key]]
            line = d.next
            d.add(label + "\t" + "\t".join(vals + [""] * (3 - len(vals))))
            d.mark("ad", key, [line] * len(vals))


def relabel(f, text):
    """Word-style label spelling: half-width parentheses with a space, `1. ` with a space,
    spaced-out 三、 本 年 度."""
    if not f.o.get("halfwidth_labels") or not text:
        return text
    text = re.sub(r"^（([一二三四五六七])）", r"(\1) ", text)
    text = re.sub(r"^(\d)\.", r"\1. ", text)
    return "三、 本 年 度" if text == RESULTS else text


def fullwidth(f, key, text):
    if key in f.o.get("fullwidth_rows", ()):
        return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() or c == "." else c for c in text)
    return text


def tab_app(d, f):
    """style "three": three label columns (一、 / 三、（一） / （三）1.) then seven values.
    style "two": two label columns as Word often copies (group label in column one, the
    sub-label in column two); with group_carries the group label line carries its first
    sub-row's numbers and the sub-row's own line has seven empty cells."""
    t = f.template
    style = f.o.get("tab_style", "three")
    carries = f.o.get("group_carries", set())
    short = f.o.get("short_rows", {})
    d.add("\t" + NOTE + "\t申请人情况" + "\t" * 6 + ("\t" if style == "three" else ""))
    pre = "\t\t" if style == "three" else "\t"
    d.add(pre + "\t自然人\t法人或其他组织" + "\t" * 5 + "总计")
    d.add(pre + "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t")
    seen_groups = set()
    for key, top, group, sub in app_rows(t):
        vals = [fullwidth(f, key, cell(x)) for x in f.app[key]]
        if key in short:
            vals = [str(x) for x in short[key]]
        group, sub = relabel(f, group), relabel(f, sub)
        if style == "three":
            if top:
                labels = [top, "", ""]
            elif sub is None:
                labels = [RESULTS if key == "granted" else "", group, ""]
            else:
                labels = ["", group if group not in seen_groups else "", sub]
        else:
            if key == "carriedForward":
                labels = [top, ""]
            elif top:
                labels = [top[:2], top[2:]]
            elif key == "totalHandled":
                labels = [group, ""]
            elif sub is None:
                labels = [relabel(f, RESULTS) if key == "granted" else "", group]
            else:
                labels = [group if group not in seen_groups and group != relabel(f, "（三）不予公开") else "", sub]
        if group:
            first_in_group = group not in seen_groups
            seen_groups.add(group)
        if style == "two" and sub and key in carries:
            # The group label line carries the numbers; the sub-row line is empty.
            line = d.next
            d.add("\t" + group + "\t" + "\t".join(vals))
            d.add("\t" + sub + "\t" * 7)
            d.mark("app", key, [line] * 7, last=line + 1)
            continue
        if style == "two" and sub and group == relabel(f, "（三）不予公开") and first_in_group:
            d.add("\t" + group + "\t" * 7)
        line = d.next
        d.add("\t".join(labels) + "\t" + "\t".join(vals))
        d.mark("app", key, [line] * 7)


def tab_rl(d, f):
    d.add("行政复议" + "\t" * 5 + "行政诉讼" + "\t" * 9)
    d.add("结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉" + "\t" * 5 + "复议后起诉" + "\t" * 4)
    d.add("\t" * 5 + "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2))
    line = d.next
    d.add("\t".join(cell(x) for k in RL_KEYS for x in f.rl[k]))
    for k in RL_KEYS:
        d.mark("rl", k, [line] * 5)


# ---- pipe tables ------------------------------------------------------------------------------


def pipe(cells):
    return "| " + " | ".join(cells) + " |"


def pipe_ad(d, f):
    t = f.template
    first = True
    for group, cols, rows in AD_GROUPS[t]:
        d.add(pipe([group, "", "", ""]))
        if first:
            d.add("|-----------|---------------|--------|--------|")
            first = False
        d.add(pipe(["信息内容"] + cols + [""] * (3 - len(cols))))
        for key, label in rows:
            vals = [cell(x) for x in f.ad[key]]
            line = d.next
            d.add(pipe([label] + vals + [""] * (3 - len(vals))))
            d.mark("ad", key, [line] * len(vals))


def pipe_app(d, f):
    """Misaligned like Word → Markdown converters make them: rows under a group carry one more
    label cell, （七）总计 sits one cell to the left."""
    t = f.template
    d.add(pipe([NOTE, "", "申请人情况", "", "", "", "", "", "总计", ""]))
    d.add("|" + "|".join(["----"] * 10) + "|")
    d.add(pipe(["", "", "自然人", "法人或其他组织", "", "", "", "", "", ""]))
    d.add(pipe(["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "", ""]))
    seen = set()
    for key, top, group, sub in app_rows(t):
        vals = [cell(x) for x in f.app[key]]
        if top:
            cells = [top, ""] + vals + [""]
        elif key == "totalHandled":
            cells = [group] + vals + ["", ""]
        elif sub is None:
            cells = [RESULTS if key == "granted" else "", group] + vals + [""]
        else:
            cells = ["", group if group not in seen else "", sub] + vals
        if group:
            seen.add(group)
        line = d.next
        d.add(pipe(cells))
        d.mark("app", key, [line] * 7)


def pipe_rl(d, f):
    d.add(pipe(["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9))
    d.add("|" + "|".join(["----------"] * 15) + "|")
    d.add(pipe(["结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总计", "未经复议直接起诉", "", "", "", "",
                "复议后起诉", "", "", "", ""]))
    d.add(pipe([""] * 5 + ["结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总计"] * 2))
    line = d.next
    d.add(pipe([cell(x) for k in RL_KEYS for x in f.rl[k]]))
    for k in RL_KEYS:
        d.mark("rl", k, [line] * 5)


# ---- one cell per line ----------------------------------------------------------------------


def cpl_cell(text, wraps):
    """One cell: a tab, the text; a wrapped label continues on an unindented line."""
    if text in wraps:
        return "\t" + wraps[text]
    return "\t" + text


def cpl_value(v, f):
    if v is None:
        return f.o.get("empty_cell", "\t")
    return "\t" + str(v)


def cpl_ad(d, f):
    t = f.template
    wraps = f.o.get("wraps", {})
    for group, cols, rows in AD_GROUPS[t]:
        d.add("\t" + group, "")
        d.add("\t信息内容", *[cpl_cell(c, wraps) for c in cols], "")
        for key, label in rows:
            first = d.next
            d.add(cpl_cell(label, wraps))
            at = []
            for v in f.ad[key]:
                at.append(d.next)
                d.add(cpl_value(v, f))
            d.mark("ad", key, at, first=first)
            d.add("")
        d.add("")


def cpl_app(d, f):
    t = f.template
    wraps = f.o.get("wraps", {})
    short = f.o.get("short_rows", {})
    d.add(cpl_cell(NOTE, wraps), "\t申请人情况", "")
    d.add("\t", "\t自然人", "\t法人或其他组织", "\t总计", "")
    d.add("\t", "\t", "\t商业企业", "\t科研机构", "\t社会公益组织", "\t法律服务机构", "\t其他", "\t", "")
    seen = set()
    for key, top, group, sub in app_rows(t):
        first = d.next
        if top:
            d.add(cpl_cell(top, wraps))
        elif sub is None:
            d.add(cpl_cell(RESULTS, wraps) if key == "granted" else "\t", cpl_cell(group, wraps))
        else:
            d.add("\t", cpl_cell(group, wraps) if group not in seen else "\t", cpl_cell(sub, wraps))
        if group:
            seen.add(group)
        at = []
        values = short.get(key, f.app[key])
        for v in values:
            at.append(d.next)
            d.add(cpl_value(v, f))
        d.mark("app", key, at if key not in short else [None] * 7, first=first, last=d.next - 1)
        d.add("")
    d.add("")


def cpl_rl(d, f):
    d.add("\t行政复议", "\t行政诉讼", "")
    d.add("\t结果\n维持", "\t结果纠正", "\t其他结果", "\t尚未\n审结", "\t总\n计", "\t未经复议直接起诉", "\t复议后起诉", "")
    d.add(*["\t"] * 5, "\t结果维持", "\t结果纠正", "\t其他\n结果", "\t尚未\n审结", "\t总计",
          "\t结果维持", "\t结果\n纠正", "\t其他\n结果", "\t尚未审结", "\t总计", "")
    for k in RL_KEYS:
        at = []
        for v in f.rl[k]:
            at.append(d.next)
            d.add(cpl_value(v, f))
        d.mark("rl", k, at)
    d.add("")


# ---- PDF text: label and numbers apart, separated by spaces ------------------------------------


def pdf_ad(d, f, nextline=False):
    t = f.template
    for group, cols, rows in AD_GROUPS[t]:
        d.add(group)
        d.add("信息内容 " + " ".join(cols))
        for key, label in rows:
            written = f.o.get("written", {})
            vals = " ".join(written.get((key, i), cell(x)) for i, x in enumerate(f.ad[key]))
            if nextline:
                first = d.next
                d.add(label)
                line = d.next
                d.add(vals)
                d.mark("ad", key, [line] * len(f.ad[key]), first=first)
            else:
                line = d.next
                d.add(label + " " + vals)
                d.mark("ad", key, [line] * len(f.ad[key]))


def pdf_app(d, f, nextline=False):
    t = f.template
    d.add(NOTE, "申请人情况", "自然人 法人或其他组织 总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他")
    seen = set()
    for key, top, group, sub in app_rows(t):
        vals = " ".join(cell(x) for x in f.app[key])
        if key == "granted":
            d.add(RESULTS)
        if top:
            label = top
        elif sub is None:
            label = group
        else:
            label = sub
            if group not in seen:
                if nextline:
                    d.add(group)
                else:
                    label = group + " " + sub
        if group:
            seen.add(group)
        if nextline:
            first = d.next
            d.add(label)
            line = d.next
            d.add(vals)
            d.mark("app", key, [line] * 7, first=first)
        else:
            line = d.next
            d.add(label + " " + vals)
            d.mark("app", key, [line] * 7)


def pdf_rl(d, f, nextline=False):
    d.add("行政复议 行政诉讼")
    d.add("结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉")
    d.add("结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计")
    if nextline:
        for k in RL_KEYS:
            line = d.next
            d.add(" ".join(cell(x) for x in f.rl[k]))
            d.mark("rl", k, [line] * 5)
    else:
        line = d.next
        d.add(" ".join(cell(x) for k in RL_KEYS for x in f.rl[k]))
        for k in RL_KEYS:
            d.mark("rl", k, [line] * 5)


# ---- HTML ---------------------------------------------------------------------------------------


def td(text, colspan=1, rowspan=1, num_cell=False):
    attrs = ""
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if text is None or text == "":
        return f'<td{attrs} style="width:40px;"><p align="center">&nbsp;</p></td>'
    text = str(text).replace("\n", "<br />")
    if num_cell:
        return f'<td{attrs} nowrap="nowrap"><p align="center"><span style="font-size:14px;">{text}</span></p></td>'
    return f'<td{attrs} nowrap="nowrap"><p>{text}</p></td>'


def html_ad(d, f):
    t = f.template
    d.add('<table align="center" border="1" cellspacing="0"><tbody>')
    for group, cols, rows in AD_GROUPS[t]:
        d.add("<tr>" + td(group, colspan=5) + "</tr>")
        if len(cols) == 3:
            d.add("<tr>" + td("信息内容") + td(cols[0].replace("本年新", "本年新\n")) +
                  td(cols[1].replace("本年新", "本年新\n"), colspan=2) + td(cols[2]) + "</tr>")
        elif len(cols) == 2:
            d.add("<tr>" + td("信息内容") + td(cols[0], colspan=2) + td(cols[1], colspan=2) + "</tr>")
        else:
            d.add("<tr>" + td("信息内容") + td(cols[0], colspan=4) + "</tr>")
        for key, label in rows:
            v = f.ad[key]
            line = d.next
            if len(v) == 3:
                # The value under the middle header spans two grid columns, but on the first
                # value (as the Shanghai page has it), so cells and headers do not line up.
                cells = td(label) + td(cell(v[0]), colspan=2, num_cell=True) + td(cell(v[1]), num_cell=True) + \
                    td(cell(v[2]), num_cell=True)
            elif len(v) == 2:
                cells = td(label) + td(cell(v[0]), colspan=2, num_cell=True) + td(cell(v[1]), colspan=2, num_cell=True)
            else:
                cells = td(label) + td(cell(v[0]), colspan=4, num_cell=True)
            d.add("<tr>" + cells + "</tr>")
            d.mark("ad", key, [line] * len(v))
    d.add("</tbody></table>")


def html_app(d, f):
    t = f.template
    rows = app_rows(t)
    n_results = len(outcome_keys(t)) + 1
    group_sizes = {}
    for _, _, g, s in rows:
        if s:
            group_sizes[g] = group_sizes.get(g, 0) + 1
    d.add('<table align="center" border="1" cellspacing="0"><tbody>')
    d.add("<tr>" + td(NOTE, colspan=3, rowspan=3) + td("申请人情况", colspan=7) + "</tr>")
    d.add("<tr>" + td("自然人", rowspan=2) + td("法人或其他组织", colspan=5) + td("总计", rowspan=2) + "</tr>")
    d.add("<tr>" + "".join(td(x) for x in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>")
    seen = set()
    for key, top, group, sub in rows:
        vals = "".join(td(cell(x), num_cell=True) for x in f.app[key])
        if top:
            labels = td(top, colspan=3)
        elif sub is None:
            labels = (td(RESULTS, rowspan=n_results) if key == "granted" else "") + td(group, colspan=2)
        else:
            labels = (td(group, rowspan=group_sizes[group]) if group not in seen else "") + td(sub)
        if group:
            seen.add(group)
        line = d.next
        d.add("<tr>" + labels + vals + "</tr>")
        d.mark("app", key, [line] * 7)
    d.add("</tbody></table>")


def html_rl(d, f):
    d.add('<table align="center" border="1" cellspacing="0"><tbody>')
    d.add("<tr>" + td("行政复议", colspan=5) + td("行政诉讼", colspan=10) + "</tr>")
    d.add("<tr>" + "".join(td(x, rowspan=2) for x in ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"]) +
          td("未经复议直接起诉", colspan=5) + td("复议后起诉", colspan=5) + "</tr>")
    d.add("<tr>" + "".join(td(x) for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + "</tr>")
    line = d.next
    d.add("<tr>" + "".join(td(cell(x), num_cell=True) for k in RL_KEYS for x in f.rl[k]) + "</tr>")
    for k in RL_KEYS:
        d.mark("rl", k, [line] * 5)
    d.add("</tbody></table>")


# ---- OCR Markdown -------------------------------------------------------------------------------


def md_table(d, header, rows):
    d.add("| " + " | ".join(header) + " |", "|" + "---|" * len(header))
    lines = []
    for r in rows:
        lines.append(d.next)
        d.add("| " + " | ".join(r) + " |")
    return lines


def ocr_ad(d, f):
    for group, cols, rows in AD_GROUPS[f.template]:
        d.add(f"### {group}")
        lines = md_table(d, ["信息内容"] + cols, [[label] + [cell(x) for x in f.ad[k]] for k, label in rows])
        for (k, _), line in zip(rows, lines):
            d.mark("ad", k, [line] * len(f.ad[k]))
        d.add("")


def ocr_app(d, f):
    """Section 三 as OCR cuts it: one small table per block with generic 数据1…数据6 headers,
    placeholder tables of '-', （六） headed `(六) 其他`, and a stray header row in the middle."""
    t = f.template
    d.add(NOTE.replace("（", "(").replace("）", ")").replace("：", ":").replace("，", ","), "")
    d.add("### 申请人情况 (自然人)")
    md_table(d, ["(数据项目)", "数量"], [["-", "-"]])
    d.add("", "### 申请人情况 (法人或其他组织)")
    md_table(d, ["商业企业", "科研机构", "社会公益", "法律服务机构", "其他"], [["-"] * 5])
    d.add("", "### 申请人情况 (总计)")
    md_table(d, ["(数据项目)", "数量"], [["-", "-"]])
    d.add("")
    generic = ["类别", "数据1", "数据2", "数据3", "数据4", "数据5", "数据6", "总计"]

    def vals(k):
        return [cell(x) for x in f.app[k]]

    def block(heading, keys, labels, header=generic):
        d.add(heading)
        lines = md_table(d, header, [[lab] + vals(k) for k, lab in zip(keys, labels)])
        for k, line in zip(keys, lines):
            d.mark("app", k, [line] * 7)
        d.add("")

    block("### 一、本年新收政府信息公开申请数量", ["newlyReceived"], ["本年新收政府信息公开申请数量"])
    block("### 二、上年结转政府信息公开申请数量", ["carriedOver"], ["上年结转政府信息公开申请数量"])
    d.add("### 三、本年度办理结果", "")
    block("### (一) 予以公开", ["granted"], ["予以公开"])
    block("### (二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)", ["partiallyGranted"],
          ["部分公开 (区分处理的, 只计这一情形, 不计其他情形)"])
    rows = app_rows(t)
    for g, heading in [("（三）不予公开", "### (三) 不予公开"), ("（四）无法提供", "### (四) 无法提供"),
                       ("（五）不予处理", "### (五) 不予处理")]:
        sub = [(k, s.replace(".", ". ", 1)) for k, _, gg, s in rows if gg == g]
        block(heading, [k for k, _ in sub], [s for _, s in sub])
    if t == "2021":
        block("### (六) 其他", ["other.noCorrection"], [OTHER1.replace(".", ". ", 1).replace("、", ", ", 1)])
        stray = ["项目", "本年新收件数", "上年结转件数", "予以公开", "部分公开", "不予公开", "结转下年度", "总计"]
        d.add("")
        lines = md_table(d, stray, [[OTHER2.replace(".", ". ", 1)] + vals("other.feeUnpaid"),
                                    ["3. 其他"] + vals("other.other"),
                                    ["（七）总计"] + vals("totalHandled"),
                                    ["四、结转下年度继续办理"] + vals("carriedForward")])
        for k, line in zip(["other.feeUnpaid", "other.other", "totalHandled", "carriedForward"], lines):
            d.mark("app", k, [line] * 7)
    else:
        block("### (六) 其他", ["other"], ["其他处理"])
        stray = ["项目", "本年新收件数", "上年结转件数", "予以公开", "部分公开", "不予公开", "结转下年度", "总计"]
        lines = md_table(d, stray, [["（七）总计"] + vals("totalHandled"), ["四、结转下年度继续办理"] + vals("carriedForward")])
        for k, line in zip(["totalHandled", "carriedForward"], lines):
            d.mark("app", k, [line] * 7)
    d.add("")


def ocr_rl(d, f):
    for k, heading in zip(RL_KEYS, ["### 行政复议", "### 行政诉讼（未经复议直接起诉）", "### 行政诉讼（复议后起诉）"]):
        d.add(heading)
        d.add("| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |", "|----------|----------|----------|----------|------|")
        line = d.next
        d.add("| " + " | ".join(cell(x) for x in f.rl[k]) + " |")
        d.mark("rl", k, [line] * 5)
        d.add("")


# ---- web text: whole body on one line, cells run together -----------------------------------


def run_ad(f):
    out = []
    for group, cols, rows in AD_GROUPS[f.template]:
        out.append(group + "信息内容" + "".join(cols))
        for k, label in rows:
            out.append(label + "".join(cell(x) for x in f.ad[k]))
    return "".join(out)


def run_app(f):
    t = f.template
    spaces = f.o.get("stray_spaces", {})
    out = [NOTE + "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"]
    seen = set()
    for key, top, group, sub in app_rows(t):
        digits = "".join(cell(x) for x in f.app[key])
        if key in spaces:
            pos = spaces[key]
            digits = digits[:pos] + " " + digits[pos:]
        if top:
            label = top
        elif sub is None:
            label = (RESULTS if key == "granted" else "") + group
        else:
            label = (group if group not in seen else "") + sub
        if group:
            seen.add(group)
        out.append(label + digits)
    return "".join(out)


def run_rl(f):
    return ("行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
            "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计" +
            "".join(str(x) for k in RL_KEYS for x in f.rl[k]))


# ---------------------------------------------------------------------------------------------
# Whole documents
# ---------------------------------------------------------------------------------------------

RENDER = {
    "tab": (tab_ad, tab_app, tab_rl),
    "pipe": (pipe_ad, pipe_app, pipe_rl),
    "cpl": (cpl_ad, cpl_app, cpl_rl),
    "pdf": (pdf_ad, pdf_app, pdf_rl),
    "pdf-nextline": (lambda d, f: pdf_ad(d, f, True), lambda d, f: pdf_app(d, f, True),
                     lambda d, f: pdf_rl(d, f, True)),
    "ocr": (ocr_ad, ocr_app, ocr_rl),
}


def heading(f, n):
    """The heading line(s) of section n as this fixture writes it."""
    custom = f.o.get("headings", {})
    if n in custom:
        return custom[n]
    prefix = f.o.get("heading_prefix", "")
    return f"{prefix}{NUMERALS[n - 1]}、{STANDARD_TITLES[n]}"


def render_text(f):
    d = Doc()
    p1, p5, p6 = story(f)
    o = f.o
    for line in o.get("before", []):
        d.add(line)
    d.add(*o.get("title_lines", ["", f.title, ""]))
    f.title_line = o.get("title_line") or next(i + 1 for i, l in enumerate(d.lines) if l.strip())
    d.add(f"根据《中华人民共和国政府信息公开条例》和上级有关要求，现公布{f.agency if not o.get('intro_short') else f.short}"
          f"{f.year}年度政府信息公开工作年度报告。本报告所列数据的统计期限自{f.year}年1月1日起至{f.year}年12月31日止。", "")
    ad_r, app_r, rl_r = RENDER[f.layout]
    for n in range(1, 7):
        d.headings[n] = d.next
        d.add(heading(f, n))
        if o.get("blank_after_heading", True):
            d.add("")
        if n == 1:
            for p in p1:
                if o.get("subheads") and p.startswith("（"):
                    head, _, rest = p.partition("。")
                    d.add(f"### {head}", "", rest, "")
                else:
                    d.add(p, "")
        elif n == 2:
            ad_r(d, f)
            d.add("")
        elif n == 3:
            app_r(d, f)
            d.add("")
        elif n == 4:
            rl_r(d, f)
            d.add("")
        elif n == 5:
            for p in p5:
                d.add(p, "")
        else:
            for p in p6:
                d.add(p, "")
    for line in o.get("after", []):
        d.add(line)
    return d


def render_html(f):
    d = Doc()
    p1, p5, p6 = story(f)
    o = f.o
    d.add('<div class="article">')
    f.title_line = d.next
    d.add(f"<p style='text-align: center;font-weight: bold;'>{f.title}</p>\t<p style='text-align: center'>发布日期：{f.year + 1}-01-20</p>")
    d.add(f"<p>本年度报告根据《中华人民共和国政府信息公开条例》编制，所列数据统计期限自{f.year}年1月1日起至{f.year}年12月31日止。</p>")
    for n in range(1, 7):
        d.headings[n] = d.next
        d.add(f"<p>{heading(f, n)}</p>")
        if n == 1:
            for p in p1:
                d.add(f"<p>{p}</p>")
        elif n == 2:
            html_ad(d, f)
        elif n == 3:
            html_app(d, f)
        elif n == 4:
            html_rl(d, f)
        elif n == 5:
            d.add(*[f"<p>{p}</p>" for p in p5])
        else:
            d.add(*[f"<p>{p}</p>" for p in p6])
    d.add("</div>")
    return d


def render_web(f):
    """Text saved from a portal page: page fields, a 正文 marker, then the body on one line."""
    d = Doc()
    p1, p5, p6 = story(f)
    o = f.o
    d.add(f"标题: {f.title}", f"发布时间: {f.year + 1}-01-2{f.seed % 10} 10:3{f.seed % 10}", "文号: ", "发布机构: ",
          "栏目: 政府信息公开年报", f"原文链接: {o['url']}", f"本地目录: zwgk/ndbg/{f.year + 1}01/{f.name}",
          "页面链接与图片详见 links.tsv(同目录)", "==================== 正文 ====================")
    f.title_line = d.next
    body = []
    if o.get("nav"):
        body.append(o["nav"] + " ")
    body.append(f"{f.title} 根据《中华人民共和国政府信息公开条例》要求，编制本报告。本报告所列数据的统计期限自{f.year}年1月1日起至{f.year}年12月31日止。")
    body.append("一、总体情况" + "".join(p1))
    body.append("二、主动公开政府信息情况 " + run_ad(f))
    body.append("三、收到和处理政府信息公开申请情况" + run_app(f) + " ")
    body.append("四、政府信息公开行政复议、行政诉讼情况 " + run_rl(f))
    body.append("五、政府信息公开工作存在的主要问题及改进情况" + "".join(p5))
    body.append("六、其他需要报告的事项" + "".join(p6) + " 附件下载")
    line = d.next
    d.add("".join(body))
    for n in range(1, 7):
        d.headings[n] = line
    for table, data in (("ad", f.ad), ("app", f.app), ("rl", f.rl)):
        for k, v in data.items():
            d.mark(table, k, [line] * len(v))
    return d


def render_ocr(f):
    d = Doc()
    p1, p5, p6 = story(f)
    d.add(f"# {f.o['ocr_title']}", "", f.agency, f"({f.year + 1}年1月2{f.seed % 10}日)", "")
    f.title_line = 1
    d.add(f"依据《中华人民共和国政府信息公开条例》(以下简称《条例》)规定，编制本报告。本报告所列数据统计期限从{f.year}年1月1日至{f.year}年12月31日止。", "")
    for n in range(1, 7):
        d.headings[n] = d.next
        d.add(heading(f, n), "")
        if n == 1:
            d.add(p1[0], "")
            for i, p in enumerate(p1[1:]):
                # OCR makes some paragraph starts into headings.
                if i % 2 == 0:
                    head, _, rest = p.partition("。")
                    d.add(f"### {head}。", rest, "")
                else:
                    d.add(p, "")
        elif n == 2:
            ocr_ad(d, f)
        elif n == 3:
            ocr_app(d, f)
        elif n == 4:
            ocr_rl(d, f)
        elif n == 5:
            for p in p5:
                d.add(p, "")
        else:
            for p in p6:
                d.add(p, "")
    d.add(f.agency, f"{f.year + 1}年1月2{f.seed % 10}日")
    return d


def render(f):
    if f.layout == "html":
        return render_html(f)
    if f.layout == "web":
        return render_web(f)
    if f.layout == "ocr":
        return render_ocr(f)
    return render_text(f)


# ---------------------------------------------------------------------------------------------
# The fixtures
# ---------------------------------------------------------------------------------------------


def z(n=6):
    return [0] * n


FIXTURES = []


def fixture(*args, **kwargs):
    f = Fixture(*args, **kwargs)
    FIXTURES.append(f)
    return f


def short_row(f, key, written):
    """A row that lost cells in copying: fewer cells than columns → null and parse.cell-count."""
    f.o.setdefault("short_rows", {})[key] = written
    f.expect_app[key] = [None] * 7
    f.diagnostics.append(("parse.cell-count", "app", key))


# 1, 2 — every number non-zero and distinct, tab cells and one cell per line --------------------
D_AD, D_APP, D_RL = distinct_numbers(2022)
f = fixture("v21-tab-distinct.txt", "tab", "2021", "临沂市兰山区农业农村局", 2022,
            {k: list(v) for k, v in D_AD.items()}, {k: list(v) for k, v in D_APP.items()},
            {k: list(v) for k, v in D_RL.items()},
            short="区农业农村局", region=["临沂市", "兰山区"], seed=3,
            what="every number non-zero and distinct (shifted cells show); three label columns; title on two lines; fees 12.5",
            title_lines=["", "临沂市兰山区农业农村局", "", "2022年政府信息公开工作年度报告", ""])
f = fixture("v21-cpl-distinct.txt", "cpl", "2021", "临沂市兰山区农业农村局", 2022,
            {k: list(v) for k, v in D_AD.items()}, {k: list(v) for k, v in D_APP.items()},
            {k: list(v) for k, v in D_RL.items()},
            short="区农业农村局", region=["临沂市", "兰山区"], seed=3,
            what="the same report as v21-tab-distinct.txt copied one cell per line; wrapped 5.要求…重新/出具… label",
            wraps={"5.要求行政机关确认或重新出具已获取信息": "5.要求行政机关确认或重新\n出具已获取信息"})

# 3 — pipe tables, 2021 ------------------------------------------------------------------------
fixture("v21-pipe.txt", "pipe", "2021", "德州市陵城区水利局", 2021,
        {"regulations": [0, 0, 0], "normativeDocuments": [2, 1, 9], "licensing": [146], "punishment": [23],
         "coercion": [4], "fees": ["0.5"]},
        apps("2021", {"granted": [6, 2, 0, 0, 1, 0], "partiallyGranted": [1, 0, 0, 0, 0, 0],
                      "denied.thirdPartyRights": [1, 0, 0, 0, 0, 0], "unavailable.notHeld": [3, 1, 0, 0, 0, 0],
                      "notProcessed.repeated": [2, 0, 0, 0, 0, 0], "other.other": [0, 1, 0, 0, 0, 0]},
             over=[1, 0, 0, 0, 0, 0], fwd=[2, 0, 0, 0, 0, 0]),
        review([1, 0, 0, 1], z(4), z(4)),
        short="区水利局", region=["德州市", "陵城区"], seed=4,
        what="misaligned pipe rows (group rows one cell right, （七）总计 one cell left); heading `5、`",
        headings={5: "5、 存在的主要问题及改进情况"})

# 4 — tab cells, 2019, Word's two label columns, group label carrying its first sub-row -------------
f = fixture("v19-tab.txt", "tab", "2019", "烟台市芝罘区民政局", 2019,
            {"regulations": [0, 0, 0], "normativeDocuments": [3, 3, 27], "licensing": [6, -1, 412],
             "otherServices": [9, 2, 1035], "punishment": [2, 0, 5], "coercion": [0, 0, 0], "fees": [1, -1],
             "procurement": [4, "56.5"]},
            apps("2019", {"granted": [9, 1, 0, 0, 0, 0], "partiallyGranted": [2, 0, 0, 0, 0, 0],
                          "denied.stateSecret": [1, 0, 0, 0, 0, 0], "denied.thirdPartyRights": [2, 0, 0, 0, 0, 1],
                          "unavailable.notHeld": [5, 0, 0, 0, 0, 0], "unavailable.unclear": [1, 0, 0, 0, 0, 0],
                          "notProcessed.complaint": [3, 0, 0, 0, 0, 0], "other": [1, 0, 0, 0, 0, 0]},
                 over=[0, 0, 0, 0, 0, 0], fwd=[2, 0, 0, 0, 0, 0]),
            review([2, 0, 1, 0], [1, 0, 0, 0], z(4)),
            short="区民政局", region=["烟台市", "芝罘区"], seed=5,
            what="two label columns; （三）不予公开 line carries 1.属于国家秘密's numbers; negative 本年增/减; procurement 56.5",
            group_carries={"denied.stateSecret"}, tab_style="two")

# 5 — pipe tables, 2019 -------------------------------------------------------------------------
fixture("v19-pipe.txt", "pipe", "2019", "潍坊市奎文区交通运输局", 2020,
        {"regulations": [0, 0, 0], "normativeDocuments": [1, 1, 6], "licensing": [14, 2, 2380],
         "otherServices": [5, 0, 97], "punishment": [8, 1, 641], "coercion": [3, 0, 12], "fees": [2, 0],
         "procurement": [7, "183.25"]},
        apps("2019", {"granted": [4, 0, 0, 0, 0, 0], "partiallyGranted": [0, 1, 0, 0, 0, 0],
                      "unavailable.notHeld": [2, 1, 0, 0, 0, 0], "notProcessed.repeated": [1, 0, 0, 0, 0, 0]},
             over=[1, 0, 0, 0, 0, 0], fwd=[0, 0, 0, 0, 0, 0]),
        review([0, 1, 0, 0], z(4), z(4)),
        short="区交通运输局", region=["潍坊市", "奎文区"], seed=6,
        what="2019 pipe tables with the misaligned group rows; procurement amount 183.25")

# 6 — one cell per line, 2019 --------------------------------------------------------------------
fixture("v19-cpl.txt", "cpl", "2019", "淄博市张店区卫生健康局", 2020,
        {"regulations": [0, 0, 0], "normativeDocuments": [2, 2, 15], "licensing": [31, 3, 1264],
         "otherServices": [6, 0, 88], "punishment": [4, 0, 173], "coercion": [1, 0, 2], "fees": [3, 0],
         "procurement": [5, "92.75"]},
        apps("2019", {"granted": [11, 2, 0, 0, 1, 0], "partiallyGranted": [1, 0, 0, 0, 0, 0],
                      "denied.processInformation": [1, 0, 0, 0, 0, 0], "unavailable.notHeld": [6, 0, 0, 0, 0, 0],
                      "unavailable.needsCreation": [1, 0, 0, 0, 0, 0], "notProcessed.complaint": [2, 0, 0, 0, 0, 0],
                      "other": [0, 0, 0, 0, 0, 1]},
             over=[1, 1, 0, 0, 0, 0], fwd=[3, 0, 0, 0, 0, 0]),
        review([1, 0, 0, 1], [0, 0, 1, 0], z(4)),
        short="区卫生健康局", region=["淄博市", "张店区"], seed=7,
        what="headers wrapped (本年新/制作数量), headings indented with ideographic spaces",
        wraps={"本年新制作数量": "本年新\n制作数量", "本年新公开数量": "本年新\n公开数量"},
        headings={3: "　       三、收到和处理政府信息公开申请情况", 4: "　　四、政府信息公开行政复议、行政诉讼情况",
                  5: "　　 五、存在的主要问题及改进情况", 6: "　　六、其他需要报告的事项"})

# 7 — HTML, 2021 ----------------------------------------------------------------------------------
fixture("v21-html.html", "html", "2021", "苏州市吴中区司法局", 2023,
        {"regulations": [0, 0, 0], "normativeDocuments": [5, 2, 38], "licensing": [327], "punishment": [56],
         "coercion": [0], "fees": ["3.75"]},
        apps("2021", {"granted": [35, 8, 1, 0, 2, 1], "partiallyGranted": [6, 1, 0, 0, 0, 0],
                      "denied.stateSecret": [1, 0, 0, 0, 0, 0], "denied.thirdPartyRights": [3, 0, 0, 0, 0, 0],
                      "denied.processInformation": [2, 1, 0, 0, 0, 0], "unavailable.notHeld": [17, 2, 0, 1, 0, 0],
                      "unavailable.needsCreation": [4, 0, 0, 0, 0, 0], "notProcessed.complaint": [9, 0, 0, 0, 0, 0],
                      "notProcessed.repeated": [3, 1, 0, 0, 0, 0], "other.noCorrection": [2, 0, 0, 0, 0, 0],
                      "other.other": [1, 0, 0, 0, 0, 0]},
             over=[4, 1, 0, 0, 0, 0], fwd=[6, 0, 0, 0, 1, 0]),
        review([3, 1, 0, 2], [2, 0, 1, 1], [1, 0, 0, 0]),
        short="区司法局", region=["苏州市", "吴中区"], seed=8,
        what="<table> with rowspan/colspan, header cells with <br />, values in <p><span>")

# 8 — HTML, 2019: blanks (&nbsp;) for zeros and for the 总计 of leaf rows ------------------------
f = fixture("v19-html.html", "html", "2019", "杭州市西湖区城市管理局", 2019,
            {"regulations": [0, 0, 0], "normativeDocuments": [4, 4, 31], "licensing": [12, 1, 906],
             "otherServices": [0, 0, 0], "punishment": [7, 0, 1482], "coercion": [2, 0, 64], "fees": [1, 0],
             "procurement": [9, "1250.5"]},
            apps("2019", {"granted": [48, 6, 0, 0, 1, 0], "partiallyGranted": [5, 0, 0, 0, 0, 0],
                          "denied.stateSecret": [2, 0, 0, 0, 0, 0], "denied.internalAffairs": [3, 0, 0, 0, 0, 0],
                          "denied.administrativeQuery": [4, 1, 0, 0, 0, 0], "unavailable.notHeld": [26, 3, 0, 0, 1, 0],
                          "unavailable.unclear": [5, 0, 0, 0, 0, 0], "notProcessed.complaint": [11, 0, 0, 0, 0, 0],
                          "notProcessed.repeated": [2, 2, 0, 0, 0, 0]},
                 over=[3, 0, 0, 0, 0, 0], fwd=[8, 1, 0, 0, 0, 0]),
            review([4, 0, 0, 1], [3, 0, 0, 1], z(4)),
            short="区城管局", region=["杭州市", "西湖区"], seed=9,
            title="2019年杭州市西湖区城市管理局政府信息公开工作年度报告",
            what="year-first title; &nbsp; for every zero of the leaf rows and for their 总计 (null, never 0); colspan on values")
for key in outcome_keys("2019"):
    for col in range(7):
        if col == 6 or f.app[key][col] == 0:
            f.blank("app", key, col)
for key in RL_KEYS:
    for col in range(5):
        if f.rl[key][col] == 0:
            f.blank("rl", key, col)

# 9 — OCR Markdown, 2021 ---------------------------------------------------------------------------
fixture("v21-ocr.md", "ocr", "2021", "宿迁市宿豫区人民政府", 2024,
        {"regulations": [0, 0, 0], "normativeDocuments": [7, 2, 44], "licensing": [48210], "punishment": [3915],
         "coercion": [286], "fees": ["2175.25"]},
        apps("2021", {"granted": [182, 3, 0, 1, 4, 0], "partiallyGranted": [57, 1, 0, 0, 1, 0],
                      "denied.safetyStability": [1, 0, 0, 0, 0, 0], "denied.thirdPartyRights": [4, 0, 0, 0, 0, 0],
                      "denied.internalAffairs": [9, 0, 0, 0, 0, 0], "denied.processInformation": [3, 0, 0, 0, 0, 0],
                      "denied.enforcementFiles": [2, 0, 0, 0, 0, 0], "denied.administrativeQuery": [6, 0, 0, 0, 0, 0],
                      "unavailable.notHeld": [74, 2, 0, 0, 0, 1], "unavailable.needsCreation": [3, 0, 0, 0, 0, 0],
                      "unavailable.unclear": [1, 0, 0, 0, 0, 0], "notProcessed.complaint": [8, 0, 0, 0, 0, 0],
                      "notProcessed.repeated": [5, 1, 0, 0, 0, 0], "notProcessed.confirmation": [1, 0, 0, 0, 0, 0],
                      "other.noCorrection": [6, 0, 0, 0, 0, 0], "other.feeUnpaid": [2, 0, 0, 0, 0, 0],
                      "other.other": [95, 1, 0, 0, 0, 0]},
             over=[22, 0, 0, 0, 1, 0], fwd=[19, 1, 0, 0, 0, 0]),
        review([18, 6, 5, 9], [2, 0, 1, 0], [5, 0, 1, 2]),
        short="我区", region=["宿迁市", "宿豫区"], seed=10,
        ocr_title="宿迁市宿豫区人民政府 2024 年 政府信息公开工作年度报告",
        what="OCR blocks with 数据1…数据6 headers, '-' placeholder tables, `### (六) 其他`, a stray header row, 四 as three tables",
        headings={n: f"## {NUMERALS[n - 1]}、{STANDARD_TITLES[n]}" for n in range(1, 5)} |
        {5: "## 五、政府信息公开工作存在的主要问题及改进情况", 6: "六、其他需要报告的事项"})

# 10 — OCR Markdown, 2019 --------------------------------------------------------------------------
fixture("v19-ocr.md", "ocr", "2019", "滨州市沾化区人民政府", 2020,
        {"regulations": [0, 0, 0], "normativeDocuments": [6, 6, 52], "licensing": [35, 4, 7721],
         "otherServices": [12, 1, 430], "punishment": [9, 0, 2218], "coercion": [5, 0, 91], "fees": [4, 0],
         "procurement": [16, "873.5"]},
        apps("2019", {"granted": [64, 2, 0, 0, 1, 0], "partiallyGranted": [12, 0, 0, 0, 0, 0],
                      "denied.thirdPartyRights": [3, 0, 0, 0, 0, 0], "denied.processInformation": [2, 0, 0, 0, 0, 0],
                      "unavailable.notHeld": [41, 1, 0, 0, 0, 0], "unavailable.unclear": [2, 0, 0, 0, 0, 0],
                      "notProcessed.complaint": [7, 0, 0, 0, 0, 0], "notProcessed.repeated": [3, 0, 0, 0, 0, 0],
                      "other": [4, 0, 0, 0, 0, 0]},
             over=[5, 0, 0, 0, 0, 0], fwd=[9, 1, 0, 0, 0, 0]),
        review([6, 1, 0, 2], [1, 0, 0, 1], [2, 0, 0, 0]),
        short="我区", region=["滨州市", "沾化区"], seed=11,
        ocr_title="滨州市沾化区人民政府 2020 年 政府信息公开工作年度报告",
        what="2019 template through OCR: single （六）其他处理 row under `### (六) 其他`, stray header before （七）总计",
        headings={n: f"## {NUMERALS[n - 1]}、{STANDARD_TITLES[n]}" for n in range(1, 7)})

# 11 — web text, 2021, cells run together, each row splits one way -------------------------------
f = fixture("v21-web.txt", "web", "2021", "莆田市城厢区人民政府", 2022,
            {"regulations": [0, 0, 0], "normativeDocuments": [4, 1, 9], "licensing": [1876], "punishment": [342],
             "coercion": [17], "fees": ["36.5"]},
            apps("2021", {"granted": [21, 3, 0, 0, 1, 0], "partiallyGranted": [4, 0, 0, 0, 0, 0],
                          "denied.internalAffairs": [1, 0, 0, 0, 0, 0], "denied.enforcementFiles": [2, 0, 0, 0, 0, 0],
                          "denied.administrativeQuery": [1, 0, 0, 0, 0, 0], "unavailable.notHeld": [15, 0, 0, 0, 0, 2],
                          "notProcessed.complaint": [3, 0, 0, 0, 0, 0], "other.other": [1, 0, 0, 0, 0, 0]},
                 over=[1, 0, 0, 0, 0, 0], fwd=[2, 0, 0, 0, 0, 0]),
            review([1, 0, 2, 0], [2, 0, 0, 1], z(4)),
            short="我区", region=["莆田市", "城厢区"], seed=12,
            what="page fields and 正文 marker, navigation words, body on one line, cells run together (each row splits one way)",
            url="https://www.chengxiang.gov.cn/zwgk/ndbg/202301/t20230120_1205.htm",
            nav="当前位置：首页 > 政务公开 > 政府信息公开 > 政府信息公开年报 来源：城厢区人民政府办公室 时间：2023-01-20 分享到：")
f.section_titles[5] = "政府信息公开工作存在的主要问题及改进情况"
f.extra += ['XCTAssertEqual(r.published, "2023-01-22 10:32")',
            'XCTAssertEqual(r.sourceURL, "https://www.chengxiang.gov.cn/zwgk/ndbg/202301/t20230120_1205.htm")',
            'XCTAssertFalse(r.sections.contains { $0.text.contains("当前位置") || $0.text.contains("原文链接") })']

# 12 — web text, 2019, cells run together, a stray space inside one row --------------------------
f = fixture("v19-web.txt", "web", "2019", "永安市人民政府", 2019,
            {"regulations": [0, 0, 0], "normativeDocuments": [3, 3, 9], "licensing": [5, 0, 8],
             "otherServices": [2, 1, 3], "punishment": [4, 0, 6], "coercion": [0, 0, 0], "fees": [2, 0],
             "procurement": [3, "8.5"]},
            apps("2019", {"granted": [7, 1, 0, 0, 0, 0], "partiallyGranted": [1, 0, 0, 0, 0, 0],
                          "denied.thirdPartyRights": [2, 0, 0, 0, 0, 0], "unavailable.notHeld": [12, 0, 0, 0, 0, 1],
                          "unavailable.unclear": [3, 0, 0, 0, 0, 0], "notProcessed.repeated": [2, 0, 0, 0, 0, 0],
                          "other": [1, 0, 0, 0, 0, 0]},
                 over=[2, 0, 0, 0, 0, 0], fwd=[4, 1, 0, 0, 0, 0]),
            review([1, 0, 0, 0], [0, 0, 0, 1], z(4)),
            short="我市", region=["永安市"], seed=13,
            what="2019 web text run together; a stray space inside 一、's digits (not a cell boundary); 四 as one digit run",
            url="http://www.ya.gov.cn/zwgk/zfxxgkzl/ndbg/202001/t20200115_88.htm",
            stray_spaces={"newlyReceived": 3})
f.section_titles[5] = "政府信息公开工作存在的主要问题及改进情况"
f.extra += ['XCTAssertEqual(r.published, "2020-01-23 10:33")']

# 13 — web text, 2021, rows that no sum can decide -----------------------------------------------
f = fixture("v21-web-ambiguous.txt", "web", "2021", "宁德市蕉城区人民政府", 2023,
            {"regulations": [0, 0, 0], "normativeDocuments": [2, 1, 35], "licensing": [904], "punishment": [77],
             "coercion": [6], "fees": ["0.25"]},
            apps("2021", {"granted": [1, 10, 0, 0, 0, 0], "partiallyGranted": [11, 0, 0, 0, 0, 0],
                          "unavailable.notHeld": [3, 0, 0, 0, 0, 0], "notProcessed.complaint": [2, 0, 0, 0, 0, 0]}),
            review([0, 1, 0, 0], [1, 0, 0, 0], z(4)),
            short="我区", region=["宁德市", "蕉城区"], seed=14,
            what="genuinely ambiguous runs: 行政规范性文件2135 (no sum); 予以公开 and 部分公开 both 110000011, "
                 "two readings keep every sum → null + parse.ambiguous-digits",
            url="http://www.jiaocheng.gov.cn/xxgk/ndbg/202401/t20240119_300.htm")
f.section_titles[5] = "政府信息公开工作存在的主要问题及改进情况"
for key in ("granted", "partiallyGranted"):
    f.expect_app[key] = [None] * 7
    f.diagnostics.append(("parse.ambiguous-digits", "app", key))
f.expect_ad["normativeDocuments"] = [None] * 3
f.extra += ['XCTAssertTrue(r.diagnostics.contains { $0.rule == "parse.ambiguous-digits" && $0.message.contains("2135") })',
            'XCTAssertTrue(r.diagnostics.contains { $0.rule == "parse.ambiguous-digits" && $0.message.contains("110000011") })']
f.diagnostics.append(("parse.ambiguous-digits", "ad", "normativeDocuments"))

# 14 — one cell per line, wrapped labels, headings over two lines and `（五）` ------------------------
fixture("v21-wrapped-cpl.txt", "cpl", "2021", "济宁市任城区自然资源局", 2021,
        {"regulations": [0, 0, 0], "normativeDocuments": [3, 2, 17], "licensing": [219], "punishment": [48],
         "coercion": [0], "fees": ["108.25"]},
        apps("2021", {"granted": [8, 5, 0, 0, 0, 0], "partiallyGranted": [3, 1, 0, 0, 0, 0],
                      "denied.safetyStability": [1, 0, 0, 0, 0, 0], "denied.thirdPartyRights": [2, 0, 0, 0, 0, 0],
                      "unavailable.notHeld": [6, 2, 0, 0, 1, 0], "notProcessed.confirmation": [2, 0, 0, 0, 0, 0],
                      "other.noCorrection": [1, 0, 0, 0, 0, 0], "other.feeUnpaid": [0, 1, 0, 0, 0, 0]},
             over=[2, 0, 0, 0, 0, 0], fwd=[1, 1, 0, 0, 0, 0]),
        review([1, 1, 0, 0], [1, 0, 0, 1], z(4)),
        short="区自然资源局", region=["济宁市", "任城区"], seed=15,
        what="labels wrapped over two lines (（三）不予/公开, 5.要求…重新/出具…, （二）…, 一、…, 行政规范性/文件); "
             "headings 三、四、 over two lines, （五） heading",
        wraps={"（三）不予公开": "（三）不予\n公开", "5.要求行政机关确认或重新出具已获取信息": "5.要求行政机关确认或重新\n出具已获取信息",
               PARTIAL: "（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）",
               OTHER1: "1.申请人无正当理由逾期不补正、行政机关不再处理\n其政府信息公开申请",
               OTHER2: "2.申请人逾期未按收费通知要求缴纳费用、\n行政机关不再处理其政府信息公开申请",
               "一、本年新收政府信息公开申请数量": "一、本年新收政府信息\n公开申请数量",
               "3.危及“三安全一稳定”": "3.危及“三安全\n一稳定”", NOTE: "（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）",
               "现行有效件数": "现行有效\n件数", "行政规范性文件": "行政规范性\n文件"},
        headings={3: "三、收到和处理政府信息公开\n申请情况", 4: "四、政府信息公开行政复议、\n行政诉讼情况",
                  5: "（五）存在的主要问题及改进情况"})

# 15 — tab cells with missing cells, a short row, 复议 empty while 诉讼 filled --------------------
f = fixture("v21-missing-tab.txt", "tab", "2021", "泰安市岱岳区市场监督管理局", 2022,
            {"regulations": [0, 0, 0], "normativeDocuments": [3, 0, 41], "licensing": [2106], "punishment": [587],
             "coercion": [9], "fees": ["12.5"]},
            apps("2021", {"granted": [15, 4, 0, 1, 0, 0], "partiallyGranted": [2, 1, 0, 0, 0, 0],
                          "denied.thirdPartyRights": [1, 0, 0, 0, 0, 0], "unavailable.notHeld": [9, 2, 0, 0, 0, 0],
                          "notProcessed.repeated": [3, 0, 0, 0, 0, 0], "other.noCorrection": [1, 0, 0, 0, 0, 0]},
                 over=[2, 0, 0, 0, 0, 0], fwd=[1, 1, 0, 0, 0, 0]),
            review(z(4), [1, 0, 0, 1], [0, 1, 0, 0]),
            short="区市场监管局", region=["泰安市", "岱岳区"], seed=16,
            what="empty cells stay null without shifting (规章 all empty, 废止件数 empty, 行政强制 empty, leaf cells and "
                 "a 总计 cell empty); 3.危及… with three cells → null + parse.cell-count; 行政复议 empty, 诉讼 filled; "
                 "heading 五、 with its title on the next line",
            headings={5: "五、\n存在的主要问题及改进情况"})
for col in range(3):
    f.blank("ad", "regulations", col)
f.blank("ad", "normativeDocuments", 1)
f.blank("ad", "coercion", 0)
f.blank("app", "granted", 2)
f.blank("app", "unavailable.notHeld", 3)
f.blank("app", "notProcessed.repeated", 6)
f.blank("app", "carriedOver", 5)
for col in range(5):
    f.blank("rl", "review", col)
short_row(f, "denied.safetyStability", [0, 0, 0])

# 16 — one cell per line with whitespace-only empty cells, a short row, Word bookmarks -------------
f = fixture("v21-missing-cpl.txt", "cpl", "2021", "日照市东港区住房和城乡建设局", 2023,
            {"regulations": [0, 0, 0], "normativeDocuments": [4, 2, 26], "licensing": [731], "punishment": [64],
             "coercion": [0], "fees": ["46.5"]},
            apps("2021", {"granted": [12, 6, 0, 0, 1, 0], "partiallyGranted": [3, 0, 0, 0, 0, 0],
                          "denied.processInformation": [1, 0, 0, 0, 0, 0], "unavailable.notHeld": [7, 1, 0, 0, 0, 0],
                          "unavailable.needsCreation": [2, 0, 0, 0, 0, 0], "notProcessed.repeated": [2, 0, 0, 0, 0, 0],
                          "other.other": [1, 0, 0, 0, 0, 0]},
                 over=[1, 1, 0, 0, 0, 0], fwd=[2, 0, 0, 0, 0, 0]),
            review(z(4), [2, 0, 1, 0], [1, 0, 0, 1]),
            short="区住房城乡建设局", region=["日照市", "东港区"], seed=17,
            what="empty cells as whitespace-only lines (\\t + space) stay null in place; 2.重复申请 with three cells → "
                 "null + parse.cell-count; 行政复议 five empty lines then 诉讼 filled; [bookmark: …] remnants",
            empty_cell="\t ",
            wraps={"（一）予以公开": "[bookmark: _Hlk90817]（一）予以公开", "行政许可": "[bookmark: _GoBack]行政许可"})
f.blank("ad", "punishment", 0)
f.blank("app", "newlyReceived", 3)
f.blank("app", "granted", 1)
f.blank("app", "totalHandled", 5)
for col in range(5):
    f.blank("rl", "review", col)
short_row(f, "notProcessed.repeated", [2, 0, 2])
f.extra += ['XCTAssertFalse(r.sections.contains { $0.text.contains("bookmark") })']

# 17 — GB18030 ----------------------------------------------------------------------------------------
f = fixture("v21-gb18030.txt", "tab", "2021", "郑州市金水区教育局", 2021,
            {"regulations": [0, 0, 0], "normativeDocuments": [6, 4, 33], "licensing": [58], "punishment": [3],
             "coercion": [0], "fees": ["0"]},
            apps("2021", {"granted": [26, 0, 0, 0, 0, 2], "partiallyGranted": [5, 0, 0, 0, 0, 0],
                          "denied.stateSecret": [1, 0, 0, 0, 0, 0], "denied.thirdPartyRights": [4, 0, 0, 0, 0, 0],
                          "unavailable.notHeld": [13, 1, 0, 0, 0, 0], "unavailable.unclear": [2, 0, 0, 0, 0, 0],
                          "notProcessed.complaint": [6, 0, 0, 0, 0, 0], "other.other": [2, 0, 0, 0, 0, 0]},
                 over=[3, 0, 0, 0, 0, 0], fwd=[4, 0, 0, 0, 0, 1]),
            review([2, 0, 1, 1], [1, 0, 0, 0], [0, 0, 0, 1]),
            short="区教育局", region=["郑州市", "金水区"], seed=18,
            what="GB18030-encoded tab-cell report; heading `5、`",
            headings={5: "5、存在的主要问题及改进情况"})
f.encoding = "gb18030"

# 18 — UTF-16LE with BOM, CRLF -------------------------------------------------------------------------
f = fixture("v19-utf16le.txt", "pipe", "2019", "洛阳市涧西区文化广电和旅游局", 2020,
            {"regulations": [0, 0, 0], "normativeDocuments": [2, 2, 11], "licensing": [18, 2, 96],
             "otherServices": [4, 0, 23], "punishment": [3, 0, 47], "coercion": [0, 0, 0], "fees": [0, 0],
             "procurement": [2, "35.5"]},
            apps("2019", {"granted": [5, 1, 0, 0, 0, 0], "unavailable.notHeld": [2, 0, 0, 0, 0, 0],
                          "notProcessed.complaint": [1, 0, 0, 0, 0, 0]},
                 over=[0, 0, 0, 0, 0, 0], fwd=[1, 0, 0, 0, 0, 0]),
            review(z(4), z(4), z(4)),
            short="区文广旅局", region=["洛阳市", "涧西区"], seed=19,
            what="UTF-16LE with BOM and CRLF line ends (Notepad's “Unicode”), 2019 pipe tables")
f.encoding = "utf-16le"

# 19 — YAML front matter overriding the title ------------------------------------------------------
f = fixture("v22-frontmatter.txt", "cpl", "2021", "福建省福州市鼓楼区教育局", 2022,
            {"regulations": [0, 0, 0], "normativeDocuments": [1, 0, 12], "licensing": [27], "punishment": [0],
             "coercion": [0], "fees": ["0"]},
            apps("2021", {"granted": [14, 0, 0, 0, 0, 0], "partiallyGranted": [2, 0, 0, 0, 0, 0],
                          "denied.thirdPartyRights": [1, 0, 0, 0, 0, 0], "unavailable.notHeld": [5, 0, 0, 0, 0, 0],
                          "notProcessed.repeated": [1, 0, 0, 0, 0, 0]},
                 over=[1, 0, 0, 0, 0, 0], fwd=[0, 0, 0, 0, 0, 0]),
            review([1, 0, 0, 0], z(4), z(4)),
            short="区教育局", region=["福建省", "福州市", "鼓楼区"], seed=20,
            what="YAML front matter (agency, year, slug, region) overrides a title that says 鼓楼区教育局 and 2012",
            before=["---", "agency: 福建省福州市鼓楼区教育局", "year: 2022", "slug: fuzhou-gulou-jiaoyu",
                    "region: [福建省, 福州市, 鼓楼区]", "---"],
            title_lines=["", "鼓楼区教育局2012年政府信息公开工作年度报告", ""], intro_short=True)
f.extra += ['XCTAssertEqual(r.agencySlug, "fuzhou-gulou-jiaoyu")']
f.title = None

# 20 — page furniture and navigation words before the title, tab cells --------------------------------
f = fixture("v23-furniture.txt", "tab", "2021", "南京市玄武区商务局", 2023,
            {"regulations": [0, 0, 0], "normativeDocuments": [2, 0, 8], "licensing": [412], "punishment": [35],
             "coercion": [2], "fees": ["0"]},
            apps("2021", {"granted": [4, 3, 0, 0, 0, 0], "partiallyGranted": [1, 1, 0, 0, 0, 0],
                          "denied.internalAffairs": [1, 0, 0, 0, 0, 0], "unavailable.notHeld": [2, 0, 0, 0, 0, 0]},
                 over=[0, 1, 0, 0, 0, 0], fwd=[1, 0, 0, 0, 0, 0]),
            review(z(4), z(4), z(4)),
            short="区商务局", region=["南京市", "玄武区"], seed=21,
            what="page fields (标题/发布时间/原文链接), a 正文 marker and 当前位置：首页 > … before the title",
            before=["标题: 南京市玄武区商务局2023年政府信息公开工作年度报告", "发布时间: 2024-01-18 09:30", "文号: ",
                    "发布机构: 南京市玄武区商务局", "栏目: 年度报告",
                    "原文链接: https://www.xuanwu.gov.cn/xwqrmzf/ndbg/202401/t20240118_4170.html",
                    "==================== 正文 ====================",
                    "当前位置：首页 > 政务公开 > 政府信息公开 > 政府信息公开年报 > 区商务局",
                    "【字体：大 中 小】 打印本页 关闭窗口"])
f.extra += ['XCTAssertEqual(r.published, "2024-01-18 09:30")',
            'XCTAssertEqual(r.sourceURL, "https://www.xuanwu.gov.cn/xwqrmzf/ndbg/202401/t20240118_4170.html")',
            'XCTAssertFalse(r.sections.contains { $0.text.contains("当前位置") || $0.text.contains("原文链接") || $0.text.contains("打印本页") })']

# 21 — agency cut short in the title, completed from the body ---------------------------------------
f = fixture("v21-short-title.txt", "cpl", "2021", "临沂市兰山区科学技术局", 2021,
            {"regulations": [0, 0, 0], "normativeDocuments": [1, 1, 4], "licensing": [0], "punishment": [0],
             "coercion": [0], "fees": ["0"]},
            apps("2021", {"granted": [2, 1, 0, 0, 0, 0], "unavailable.notHeld": [1, 0, 0, 0, 0, 0]}),
            review(z(4), z(4), z(4)),
            short="兰山区科学技术局", region=["临沂市", "兰山区"], seed=22,
            what="title 临沂市兰山区科学技术2021年度… cut short; the body names 兰山区科学技术局 → completed + meta.agency-completed",
            title_lines=["临沂市兰山区科学技术2021年度政府信息公开工作年度报告", ""], intro_short=True)
f.title = None
f.diagnostics.append(("meta.agency-completed", "title", None))

# 22 — PDF text: label and numbers on one line, apart -------------------------------------------------
fixture("v22-pdf.txt", "pdf", "2021", "聊城市东昌府区人力资源和社会保障局", 2022,
        {"regulations": [0, 0, 0], "normativeDocuments": [3, 1, 20], "licensing": [1543], "punishment": [12],
         "coercion": [0], "fees": ["0.25"]},
        apps("2021", {"granted": [19, 2, 0, 0, 3, 0], "partiallyGranted": [4, 0, 0, 0, 0, 0],
                      "denied.stateSecret": [1, 0, 0, 0, 0, 0], "denied.thirdPartyRights": [2, 0, 0, 0, 0, 0],
                      "unavailable.notHeld": [11, 1, 0, 0, 0, 0], "unavailable.unclear": [1, 0, 0, 0, 0, 0],
                      "notProcessed.complaint": [5, 0, 0, 0, 0, 0], "other.feeUnpaid": [1, 0, 0, 0, 0, 0],
                      "other.other": [3, 0, 0, 0, 0, 0]},
             over=[2, 0, 0, 0, 0, 0], fwd=[3, 0, 0, 0, 1, 0]),
        review([2, 1, 0, 0], [1, 0, 0, 1], [0, 0, 1, 0]),
        short="区人力资源社会保障局", region=["聊城市", "东昌府区"], seed=23,
        what="PDF text: each row one line, label then numbers separated by spaces (（三）不予公开 1.属于国家秘密 1 0 …); 行政许可 1,543",
        written={("licensing", 0): "1,543"})

# 23 — PDF text: label on one line, numbers on the next ------------------------------------------------
fixture("v23-pdf-nextline.txt", "pdf-nextline", "2021", "菏泽市牡丹区应急管理局", 2023,
        {"regulations": [0, 0, 0], "normativeDocuments": [2, 0, 7], "licensing": [86], "punishment": [241],
         "coercion": [13], "fees": ["0"]},
        apps("2021", {"granted": [3, 4, 0, 0, 0, 0], "partiallyGranted": [1, 0, 0, 0, 0, 0],
                      "denied.enforcementFiles": [1, 0, 0, 0, 0, 0], "unavailable.notHeld": [2, 1, 0, 0, 0, 0],
                      "notProcessed.excessive": [1, 0, 0, 0, 0, 0], "other.noCorrection": [0, 1, 0, 0, 0, 0]},
             over=[1, 0, 0, 0, 0, 0], fwd=[1, 0, 0, 0, 0, 0]),
        review([0, 0, 1, 1], [1, 0, 0, 0], [0, 0, 0, 0]),
        short="区应急管理局", region=["菏泽市", "牡丹区"], seed=24,
        what="PDF text: label on one line and its numbers on the next; 四 as three lines of five")

# 24 — PDF text, 2019 template ---------------------------------------------------------------------
fixture("v20-pdf.txt", "pdf", "2019", "枣庄市市中区财政局", 2020,
        {"regulations": [0, 0, 0], "normativeDocuments": [5, 5, 29], "licensing": [3, 0, 17],
         "otherServices": [2, 1, 8], "punishment": [1, 0, 4], "coercion": [0, 0, 0], "fees": [0, 0],
         "procurement": [138, "21562.75"]},
        apps("2019", {"granted": [6, 2, 0, 0, 0, 0], "partiallyGranted": [1, 0, 0, 0, 0, 0],
                      "denied.processInformation": [1, 0, 0, 0, 0, 0], "unavailable.notHeld": [4, 0, 0, 0, 0, 0],
                      "other": [1, 0, 0, 0, 0, 0]},
             over=[0, 0, 0, 0, 0, 0], fwd=[1, 0, 0, 0, 0, 0]),
        review([1, 0, 0, 0], z(4), z(4)),
        short="区财政局", region=["枣庄市", "市中区"], seed=25,
        what="PDF text, 2019 template; the district is called 市中区; procurement amount 21562.75")

# 26 — tab cells as Word copies them: spaced labels, half-width parentheses, full-width digits -------
fixture("v23-tab-wordstyle.txt", "tab", "2021", "青岛市崂山区城市管理局", 2023,
        {"regulations": [0, 0, 0], "normativeDocuments": [2, 1, 14], "licensing": [1288], "punishment": [96],
         "coercion": [5], "fees": ["27.5"]},
        apps("2021", {"granted": [16, 5, 0, 0, 2, 0], "partiallyGranted": [3, 0, 0, 0, 0, 0],
                      "denied.stateSecret": [1, 0, 0, 0, 0, 0], "denied.internalAffairs": [2, 0, 0, 0, 0, 0],
                      "unavailable.notHeld": [10, 1, 0, 0, 0, 0], "unavailable.needsCreation": [1, 0, 0, 0, 0, 0],
                      "notProcessed.complaint": [4, 0, 0, 0, 0, 0], "other.noCorrection": [1, 0, 0, 0, 0, 0],
                      "other.other": [2, 1, 0, 0, 0, 0]},
             over=[2, 0, 0, 0, 0, 0], fwd=[3, 1, 0, 0, 0, 0]),
        review([2, 0, 1, 0], [1, 1, 0, 0], [0, 0, 0, 1]),
        short="区城管局", region=["青岛市", "崂山区"], seed=29,
        what="Word's two label columns with `(一) 予以公开`, `1. 属于国家秘密`, `三、 本 年 度`; full-width digits (１６, ２７．５) "
             "in some rows; （三）不予公开 on its own line with empty cells",
        tab_style="two", halfwidth_labels=True,
        fullwidth_rows={"granted", "unavailable.notHeld", "totalHandled", "fees", "licensing"})

# 25 — Markdown export with `## 一、` headings, pipe tables and `### （一）` sub-headings ---------------
fixture("v24-md-headings.md", "pipe", "2021", "东营市垦利区农业农村局", 2024,
        {"regulations": [0, 0, 0], "normativeDocuments": [1, 0, 5], "licensing": [392], "punishment": [28],
         "coercion": [1], "fees": ["0"]},
        apps("2021", {"granted": [7, 1, 0, 0, 0, 0], "partiallyGranted": [2, 0, 0, 0, 0, 0],
                      "unavailable.notHeld": [3, 0, 0, 0, 0, 0], "notProcessed.publication": [1, 0, 0, 0, 0, 0]},
             over=[0, 0, 0, 0, 0, 0], fwd=[1, 0, 0, 0, 0, 0]),
        review([1, 0, 0, 0], z(4), z(4)),
        short="区农业农村局", region=["东营市", "垦利区"], seed=25 + 3,
        what="Markdown export: `# ` title, `## 一、`…`## 六、` headings, `### （一）…` sub-headings inside 一 (not sections)",
        heading_prefix="## ", subheads=True,
        title_lines=["# 东营市垦利区农业农村局2024年政府信息公开工作年度报告", ""])


# ---------------------------------------------------------------------------------------------
# Writing the fixtures and the Swift test
# ---------------------------------------------------------------------------------------------

LAYOUT_NAMES = {"tab": "tab cells", "pipe": "pipe tables", "cpl": "one cell per line", "pdf": "PDF text, label and numbers on one line",
                "pdf-nextline": "PDF text, numbers on the line after the label", "html": "HTML", "ocr": "OCR Markdown",
                "web": "web text, cells run together"}
AD_COLS = {"2021": {"regulations": ["issued", "repealed", "inForce"], "normativeDocuments": ["issued", "repealed", "inForce"],
                    "licensing": ["decisions"], "punishment": ["decisions"], "coercion": ["decisions"], "fees": ["amount"]},
           "2019": {"regulations": ["made", "published", "total"], "normativeDocuments": ["made", "published", "total"],
                    "licensing": ["previous", "change", "decisions"], "otherServices": ["previous", "change", "decisions"],
                    "punishment": ["previous", "change", "decisions"], "coercion": ["previous", "change", "decisions"],
                    "fees": ["previous", "change"], "procurement": ["projects", "amount"]}}
APP_COLS = ["naturalPerson", "commercial", "research", "socialWelfare", "legalService", "other", "total"]
RL_COLS = ["upheld", "corrected", "other", "pending", "total"]


def heading_title(text):
    t = "".join(x.strip(" \t　#") for x in text.split("\n"))
    return re.sub(r"^([一二三四五六]、|\d、\s*|（[一二三四五六]）)", "", t).strip()


def swift_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def swift_num(v):
    if v is None:
        return "nil"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def test_name(f):
    base = f.name.rsplit(".", 1)[0]
    return "test" + "".join(p[:1].upper() + p[1:] for p in re.split(r"[-_]", base))


def emit_test(f):
    d = f.doc
    t = f.template
    out = [f"    /// {f.name} — {LAYOUT_NAMES[f.layout]}, {t} template: {f.what}.",
           f"    func {test_name(f)}() throws {{",
           f"        let r = try variant({swift_str(f.name)})"]
    if f.title:
        out.append(f"        XCTAssertEqual(r.title, {swift_str(f.title)})")
    out += [f"        XCTAssertEqual(r.agency, {swift_str(f.agency)})",
            f"        XCTAssertEqual(r.region, [{', '.join(swift_str(x) for x in f.region)}])",
            f"        XCTAssertEqual(r.year, {f.year})",
            f"        XCTAssertEqual(r.template, .v{t})",
            "        XCTAssertEqual(r.sections.map(\\.number), [1, 2, 3, 4, 5, 6])"]
    titles = dict(f.section_titles)
    for n, h in f.o.get("headings", {}).items():
        titles[n] = heading_title(h)
    if titles == STANDARD_TITLES:
        out.append("        XCTAssertEqual(sectionTitles(r), standardTitles)")
    else:
        changed = {n: v for n, v in titles.items() if STANDARD_TITLES[n] != v}
        out.append("        var titles = standardTitles")
        for n, v in sorted(changed.items()):
            out.append(f"        titles[{n}] = {swift_str(v)}")
        out.append("        XCTAssertEqual(sectionTitles(r), titles)")
    out.append(f"        XCTAssertEqual(r.sections.map(\\.location.line), [{', '.join(str(d.headings[n]) for n in range(1, 7))}])")
    p1, p5, p6 = story(f)
    for n, p in ((1, p1[0]), (5, p5[0]), (6, p6[0])):
        out.append(f"        XCTAssertTrue(r.section({n})?.text.contains({swift_str(p[:18])}) ?? false, \"section {n} narrative\")")

    out.append("        // 二、主动公开政府信息情况")
    for k in ad_keys(t):
        out.append(f"        assertRow(r.activeDisclosure, {swift_str(k)}, [{', '.join(swift_num(v) for v in f.expect_ad[k])}])")
    out.append("        // 三、收到和处理政府信息公开申请情况")
    for k in app_keys(t):
        out.append(f"        assertRow(r.applications, {swift_str(k)}, [{', '.join(swift_num(v) for v in f.expect_app[k])}])")
    out.append("        // 四、行政复议、行政诉讼")
    for k in RL_KEYS:
        out.append(f"        assertRow(r.reviewLitigation, {swift_str(k)}, [{', '.join(swift_num(v) for v in f.expect_rl[k])}])")

    # Where some values were read.
    picks = [("activeDisclosure", "ad", f.expect_ad, AD_COLS[t], "regulations", 0),
             ("activeDisclosure", "ad", f.expect_ad, AD_COLS[t], "normativeDocuments", -1),
             ("activeDisclosure", "ad", f.expect_ad, AD_COLS[t], "fees", -1),
             ("applications", "app", f.expect_app, None, "newlyReceived", 0),
             ("applications", "app", f.expect_app, None, "denied.stateSecret", 6),
             ("applications", "app", f.expect_app, None, "totalHandled", 6),
             ("applications", "app", f.expect_app, None, "carriedForward", 0),
             ("reviewLitigation", "rl", f.expect_rl, None, "review", 0),
             ("reviewLitigation", "rl", f.expect_rl, None, "litigationAfterReview", 4)]
    locs = []
    for table, short, expect, cols, key, col in picks:
        values = expect[key]
        col = col % len(values)
        line = d.cells.get((short, key, col))
        if values[col] is None or line is None:
            continue
        column = (cols[key] if cols else APP_COLS if short == "app" else RL_COLS)[col]
        locs.append(f"        XCTAssertEqual(r.{table}[{swift_str(key)}, {swift_str(column)}].location?.line, {line})")
    if locs:
        out.append("        // Lines the values were read from")
        out += locs

    expected = []
    for rule, table, key in dict.fromkeys(f.diagnostics):
        if table == "title":
            lo = hi = f.title_line
        else:
            lo, hi = d.rows[(table, key)]
        if f"(\"{rule}\", {lo}...{hi})" not in expected:
            expected.append(f"(\"{rule}\", {lo}...{hi})")
    out.append(f"        assertDiagnostics(r, [{', '.join(expected)}])")
    out += ["        " + x for x in f.extra]
    out.append("    }")
    return "\n".join(out)


SWIFT_HEAD = '''import Foundation
import ReportModel
import ReportParser
import XCTest

/// Invented reports (Fixtures/variants) in the layouts real copies arrive in: tab cells, pipe
/// tables, one cell per line, HTML, OCR Markdown, web text with cells run together, PDF text;
/// both templates; two encodings; front matter, page furniture, cut-short titles, wrapped labels,
/// empty cells. Each fixture's numbers were written by Fixtures/variants/make_variants.py, which
/// also wrote this file: every expected value below is the number written in the fixture, or
/// nil where the fixture leaves the cell empty, loses cells, or runs digits together past any
/// sum's power to split them.
final class VariantReportTests: XCTestCase {
    let standardTitles = [1: "总体情况", 2: "主动公开政府信息情况", 3: "收到和处理政府信息公开申请情况",
                          4: "政府信息公开行政复议、行政诉讼情况", 5: "存在的主要问题及改进情况", 6: "其他需要报告的事项"]

    func variantURL(_ name: String) -> URL {
        TestFiles.fixtures.appendingPathComponent("variants/" + name)
    }

    func variant(_ name: String) throws -> Report {
        try TestFiles.parse(variantURL(name))
    }

    /// Every diagnostic must be one of `expected` (rule, on one of the lines), and each expected
    /// one must be there.
    func assertDiagnostics(_ r: Report, _ expected: [(String, ClosedRange<Int>)],
                           file: StaticString = #filePath, line: UInt = #line) {
        for d in r.diagnostics where !expected.contains(where: { $0.0 == d.rule && $0.1.contains(d.location.line) }) {
            XCTFail("unexpected diagnostic \\(d.rule) at line \\(d.location.line): \\(d.message)", file: file, line: line)
        }
        for (rule, lines) in expected where !r.diagnostics.contains(where: { $0.rule == rule && lines.contains($0.location.line) }) {
            XCTFail("missing diagnostic \\(rule) on lines \\(lines)", file: file, line: line)
        }
    }

    /// A table's numbers without their locations, to compare two copies of one report.
    func numbers(_ table: ReportTable) -> [String: [String: Decimal?]] {
        table.values.mapValues { $0.mapValues(\\.number) }
    }

    // The same report in two layouts reads the same, cell for cell.
    func testDistinctNumbersReadAlikeInBothLayouts() throws {
        let tab = try variant("v21-tab-distinct.txt")
        let cpl = try variant("v21-cpl-distinct.txt")
        XCTAssertEqual(numbers(tab.activeDisclosure), numbers(cpl.activeDisclosure))
        XCTAssertEqual(numbers(tab.applications), numbers(cpl.applications))
        XCTAssertEqual(numbers(tab.reviewLitigation), numbers(cpl.reviewLitigation))
        XCTAssertFalse(tab.applications.isEmpty)
    }

    // The encoded fixtures really are in those encodings.
    func testEncodedFixturesAreNotUTF8() throws {
        let gb = try Data(contentsOf: variantURL("v21-gb18030.txt"))
        XCTAssertNil(String(data: gb, encoding: .utf8))
        let utf16 = try Data(contentsOf: variantURL("v19-utf16le.txt"))
        XCTAssertEqual(Array(utf16.prefix(2)), [0xFF, 0xFE])
    }
'''


def main():
    tests = []
    for f in FIXTURES:
        f.doc = render(f)
        if f.layout == "web":
            check_runs(f, expect_ambiguous={k for _, _, k in f.diagnostics})
        text = f.doc.text()
        path = os.path.join(HERE, f.name)
        if f.encoding == "gb18030":
            data = text.encode("gb18030")
        elif f.encoding == "utf-16le":
            data = b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le")
        else:
            data = text.encode("utf-8")
        with open(path, "wb") as fh:
            fh.write(data)
        tests.append(emit_test(f))
    with open(TEST_FILE, "w", encoding="utf-8") as fh:
        fh.write(SWIFT_HEAD + "\n" + "\n\n".join(tests) + "\n}\n")
    for f in FIXTURES:
        print(f"{f.name:28} {LAYOUT_NAMES[f.layout]:42} {f.template}  {f.what}")


if __name__ == "__main__":
    main()
