"""Every UI string, in English and Chinese, in one catalogue.

Data text (names, titles, quotes) comes from `data/`; this file holds only the interface's own
words. `t(key, lang, **values)` formats a string; a missing key is a bug the tests catch.
"""

from __future__ import annotations

LANGS = ("en", "zh")
DEFAULT_LANG = "en"
LANG_LABELS = {"en": "English", "zh": "中文"}

STRINGS: dict[str, dict[str, str]] = {
    # app chrome
    "app_title": {
        "en": "China–ASEAN Digital Economy Cooperation",
        "zh": "中国—东盟数字经济合作",
    },
    "app_subtitle": {
        "en": "Sourced figures on the 2020 China–ASEAN Year of Digital Economy Cooperation",
        "zh": "2020年中国—东盟数字经济合作年：有出处的数据",
    },
    "page_overview": {"en": "Overview", "zh": "概览"},
    "page_participants": {"en": "Participants", "zh": "与会者"},
    "page_digital_economy": {"en": "Digital economy", "zh": "数字经济"},
    "page_agenda": {"en": "Cooperation agenda", "zh": "合作议程"},
    "page_country": {"en": "Country profile", "zh": "国别概况"},
    "page_sources": {"en": "Sources", "zh": "数据来源"},
    "language": {"en": "Language / 语言", "zh": "语言 / Language"},
    "countries": {"en": "Countries", "zh": "国家"},
    "countries_help": {
        "en": (
            "Search by English or Chinese name or alias, or pick a group to add its countries: "
            "ASEAN-10 (the members in 2020), ASEAN-11 (the members since Timor-Leste joined on "
            "26 October 2025), ASEAN-6, CLMV, China + ASEAN-11. Empty means all 12 countries."
        ),
        "zh": (
            "可按中英文名称或别名搜索，或选择国家组一次加入其成员国：东盟十国（2020年的成员）、东盟十一国"
            "（东帝汶于2025年10月26日加入后的成员）、东盟六国、柬老缅越、中国 + 东盟十一国。留空表示全部12个国家。"
        ),
    },
    "countries_placeholder": {"en": "All countries", "zh": "全部国家"},
    "export_links": {
        "en": "Each button is a link to the file for exactly this view: copy it to cite the chart or to fetch it again.",
        "zh": "每个按钮都是此视图对应文件的链接：可复制用于引用图表或再次下载。",
    },
    "group_option": {"en": "Group: {name} ({count} countries)", "zh": "国家组：{name}（{count}国）"},
    "share": {"en": "Share this view", "zh": "分享此视图"},
    "about": {"en": "About", "zh": "关于"},
    "about_text": {
        "en": (
            "An open-source, bilingual dashboard on China–ASEAN digital-economy cooperation, built "
            "around the opening of the 2020 China–ASEAN Year of Digital Economy Cooperation "
            "(12 June 2020). Every figure carries its source; figures whose definitions differ "
            "(GMV share of GDP vs national digital-economy share) are never mixed without saying so. "
            "ASEAN has had 11 members since Timor-Leste joined on 26 October 2025; in 2020 it had 10. "
            "The 2020 event views use the ten members of 2020; ASEAN-10 aggregates are of those ten. "
            "Translations marked 'our translation' are the curators', not the sources'."
        ),
        "zh": (
            "本仪表板为开源双语项目，围绕2020年中国—东盟数字经济合作年开幕式（2020年6月12日）"
            "整理中国—东盟数字经济合作的数据。每个数字均注明出处；定义不同的数字（GMV占GDP比重与各国"
            "数字经济占比）不会未经说明地混在一起。东帝汶于2025年10月26日加入东盟，东盟自此有11个成员国；"
            "2020年时为10个。2020年活动相关视图按2020年的十个成员国处理；东盟十国汇总值也以这十国计算。"
            "标注“本站翻译”的译文出自本站编者，而非原始来源。"
        ),
    },
    "how_to_cite": {"en": "How to cite", "zh": "引用方式"},
    "cite_text": {
        "en": (
            "China–ASEAN Digital Economy Cooperation dashboard (accessed {date}), with the original "
            "source of each figure as listed on the Sources page."
        ),
        "zh": "《中国—东盟数字经济合作》数据仪表板（访问日期：{date}），并注明“数据来源”页所列各数字的原始出处。",
    },
    "dropped_params": {
        "en": "Ignored unknown values in the link: {values}",
        "zh": "已忽略链接中的未知参数值：{values}",
    },
    "data_error_title": {
        "en": "The data files have problems, so the dashboard cannot show them.",
        "zh": "数据文件存在问题，仪表板无法显示。",
    },
    "data_error_help": {
        "en": "Fix each line below (file:line: field: problem), then reload. `python -m dashboard validate` lists the same.",
        "zh": "请按下列各行（文件:行号: 字段: 问题）逐一修正后刷新页面。`python -m dashboard validate` 会给出相同列表。",
    },
    # chart furniture
    "tab_label": {"en": "Show the charts as", "zh": "图表显示方式"},
    "tab_chart": {"en": "Chart", "zh": "图表"},
    "tab_table": {"en": "Table", "zh": "表格"},
    "tab_sources": {"en": "Sources", "zh": "来源"},
    "tab_download": {"en": "Download", "zh": "下载"},
    "no_row_sources": {"en": "The sources are named in the chart's footer.", "zh": "来源见图表底部说明。"},
    "source": {"en": "Source", "zh": "来源"},
    "licence": {"en": "Licence", "zh": "许可"},
    "data_years": {"en": "Data", "zh": "数据年份"},
    "filter_label": {"en": "Countries shown", "zh": "所示国家"},
    "all_countries": {"en": "all", "zh": "全部"},
    "empty_chart": {
        "en": "No data for the selected countries on this chart. Covered: {covered}.",
        "zh": "所选国家在此图表中没有数据。有数据的国家：{covered}。",
    },
    "alt_prefix": {"en": "Text description", "zh": "文字说明"},
    "our_translation": {"en": "our translation", "zh": "本站翻译"},
    "original": {"en": "Original", "zh": "原文"},
    "translation": {"en": "Translation", "zh": "译文"},
    "projection": {"en": "projection", "zh": "预测"},
    "target": {"en": "target", "zh": "目标"},
    "actual": {"en": "actual", "zh": "实际"},
    "estimate": {"en": "estimate", "zh": "估计"},
    "more_than": {"en": "more than", "zh": "超过"},
    "about_qualifier": {"en": "about", "zh": "约"},
    "derived": {"en": "derived", "zh": "推算"},
    "definition": {"en": "Definition", "zh": "定义"},
    "year": {"en": "Year", "zh": "年份"},
    "value": {"en": "Value", "zh": "数值"},
    "country": {"en": "Country", "zh": "国家"},
    "download_bundle": {"en": "Download data bundle (ZIP)", "zh": "下载数据包（ZIP）"},
    # overview
    "event_date": {"en": "Date", "zh": "日期"},
    "event_format": {"en": "Format", "zh": "形式"},
    "event_theme": {"en": "Theme", "zh": "主题"},
    "event_chair": {"en": "ASEAN Chair 2020", "zh": "2020年东盟轮值主席国"},
    "event_designation": {"en": "Designated by", "zh": "确定"},
    "event_countries": {"en": "Countries represented", "zh": "与会国家"},
    "event_officials": {"en": "Officials who took part", "zh": "出席官员"},
    "event_letters": {"en": "Congratulatory letters", "zh": "贺信"},
    "event_proposals": {"en": "Proposals by Miao Wei", "zh": "苗圩提出的倡议"},
    "regional_note": {
        "en": "A regional figure for the six e-Conomy SEA countries: the country filter does not change it.",
        "zh": "这是 e-Conomy SEA 覆盖六国的区域数字，不随国家筛选变化。",
    },
    "chart_share_title": {
        "en": "Southeast Asia's internet economy (GMV) as a share of GDP",
        "zh": "东南亚互联网经济（GMV）占GDP比重",
    },
    "chart_share_subtitle": {
        "en": 'Percent of GDP, six e-Conomy SEA countries; 2015 and 2018 from e-Conomy SEA 2018 (which said "exceed 8% by 2025"); dashed = 2025 as quoted by the ASEAN Secretary-General, origin not traced. GMV is not value added.',
        "zh": "占GDP百分比，e-Conomy SEA 覆盖的六国；2015、2018年出自 e-Conomy SEA 2018（该报告称2025年“超过8%”）；虚线为东盟秘书长所说的2025年数字，出处未能追溯。GMV不是增加值。",
    },
    "share_quoted_projection": {
        "en": "projection quoted by the ASEAN Secretary-General; origin not traced",
        "zh": "东盟秘书长所说的预测；出处未能追溯",
    },
    "alt_share": {
        "en": "Line chart: the internet economy's GMV rose from {v2015}% of GDP in 2015 to {v2018}% in 2018 (both from e-Conomy SEA 2018, which said the share would exceed 8% by 2025); the ASEAN Secretary-General quoted {v2025}% for 2025 (origin not traced).",
        "zh": "折线图：互联网经济GMV占GDP比重由2015年的{v2015}%升至2018年的{v2018}%（均出自 e-Conomy SEA 2018，该报告称2025年将超过8%）；东盟秘书长所说的2025年数字为{v2025}%，其出处未能追溯。",
    },
    # participants
    "chart_tiles_title": {
        "en": "Who represented each country at the opening",
        "zh": "各国出席开幕式的代表级别",
    },
    "chart_tiles_subtitle": {
        "en": "Schematic tile map (not to scale, no borders); colour = most senior official who took part; ★ = congratulatory letter from the head of government",
        "zh": "示意方块图（不按比例，不绘边界）；颜色表示出席的最高级别官员；★ 表示政府首脑致贺信",
    },
    "alt_tiles": {
        "en": "Tile map of {n} countries coloured by the rank of their most senior official who took part: {summary}.",
        "zh": "{n}个国家的方块图，按出席的最高级别官员着色：{summary}。",
    },
    "chart_by_rank_title": {"en": "Officials by country and rank", "zh": "按国家和级别统计的官员"},
    "chart_by_rank_subtitle": {
        "en": "Officials who took part, as named in the MIIT report (congratulatory letters not counted)",
        "zh": "工信部报道中提及的出席官员人数（不含致贺信者）",
    },
    "alt_by_rank": {
        "en": "Stacked bar chart of {n} officials across {k} countries or bodies, by rank.",
        "zh": "堆叠柱状图：{k}个国家或机构的{n}名官员，按级别划分。",
    },
    "officials_table": {"en": "All officials", "zh": "全部官员"},
    "attending_bodies": {"en": "Chinese bodies attending", "zh": "参会的中方单位"},
    "rank_head_of_government": {"en": "Head of government", "zh": "政府首脑"},
    "rank_secretary_general": {"en": "Secretary-General", "zh": "秘书长"},
    "rank_minister": {"en": "Minister", "zh": "部长"},
    "rank_deputy_minister": {"en": "Deputy minister", "zh": "副部长"},
    "rank_senior_official": {"en": "Senior official", "zh": "高级官员"},
    "rank_none": {"en": "Not represented", "zh": "未出席"},
    "not_member_at_event": {
        "en": "{country} was not an ASEAN member at the opening ({date}): it joined on {since}, so it took no part.",
        "zh": "开幕式（{date}）时{country}尚非东盟成员（{since}加入），因此未参加。",
    },
    "rank_not_member": {"en": "Not an ASEAN member in 2020", "zh": "2020年时尚非东盟成员"},
    "letter_mark": {
        "en": "Congratulatory letter from the head of government",
        "zh": "政府首脑致贺信",
    },
    "role_congratulatory_letter": {"en": "Congratulatory letter", "zh": "致贺信"},
    "role_read_letter": {"en": "Read a letter", "zh": "宣读贺信"},
    "role_keynote": {"en": "Keynote", "zh": "主旨发言"},
    "role_remarks": {"en": "Remarks", "zh": "致辞"},
    "role_statement": {"en": "Statement", "zh": "发言"},
    "name_inferred": {"en": "English name inferred", "zh": "英文名为推断"},
    "col_name_zh": {"en": "Name (Chinese)", "zh": "姓名（中文）"},
    "col_name_en": {"en": "Name (English)", "zh": "姓名（英文）"},
    "col_country": {"en": "Country / body", "zh": "国家/机构"},
    "col_title": {"en": "Title", "zh": "职务"},
    "col_organisation": {"en": "Organisation", "zh": "机构"},
    "col_role": {"en": "Role at the event", "zh": "活动中的角色"},
    "col_rank_level": {"en": "Rank", "zh": "级别"},
    "col_note": {"en": "Note", "zh": "备注"},
    "col_name_status": {"en": "English name", "zh": "英文名状态"},
    # digital economy
    "chart_gmv_title": {
        "en": "Internet-economy gross merchandise value by country",
        "zh": "各国互联网经济商品交易总额（GMV）",
    },
    "chart_gmv_subtitle": {
        "en": "Billion US dollars; e-Conomy SEA 2020; hatched = 2025 projection",
        "zh": "十亿美元；e-Conomy SEA 2020；斜线填充为2025年预测",
    },
    "alt_gmv": {
        "en": "Grouped bar chart of internet-economy GMV for {countries}; the largest 2025 projection is {top} at US${value} bn.",
        "zh": "分组柱状图：{countries}的互联网经济GMV；2025年预测最高的是{top}，为{value}十亿美元。",
    },
    "chart_national_title": {
        "en": "Digital economy as a share of GDP: national estimates",
        "zh": "数字经济占GDP比重：各国官方估算",
    },
    "chart_national_subtitle": {
        "en": "Percent of GDP. Definitions differ by country and from GMV shares: compare with care.",
        "zh": "占GDP百分比。各国口径不同，也不同于GMV占比：比较时请谨慎。",
    },
    "definition_badge": {
        "en": "National estimates of the digital economy's contribution to GDP, methods differ by country. Not comparable with the GMV share on the Overview page.",
        "zh": "各国官方估算的数字经济对GDP贡献，方法因国而异。不能与概览页的GMV占比比较。",
    },
    "alt_national": {
        "en": "Line chart of national digital-economy shares of GDP for {countries}; highest value {top}: {value}% ({year}).",
        "zh": "折线图：{countries}的数字经济占GDP比重；最高为{top}：{value}%（{year}年）。",
    },
    "chart_ct_title": {
        "en": "Diagnosis time per suspected COVID-19 patient, China",
        "zh": "每个疑似新冠肺炎患者的诊断时间（中国）",
    },
    "chart_ct_subtitle": {
        "en": "Minutes, range as stated by Miao Wei on 12 June 2020",
        "zh": "分钟，苗圩于2020年6月12日所述区间",
    },
    "alt_ct": {
        "en": "Range chart: diagnosis took {b_low}-{b_high} minutes before AI-assisted CT reading and {a_low}-{a_high} minutes with it.",
        "zh": "区间图：使用AI辅助CT影像识别前诊断需{b_low}-{b_high}分钟，使用后需{a_low}-{a_high}分钟。",
    },
    "chart_people_title": {
        "en": "People served by digital services during the pandemic, China",
        "zh": "疫情期间数字服务覆盖人数（中国）",
    },
    "chart_people_subtitle": {
        "en": "Million people, as stated by Miao Wei; 'more than' is the speaker's",
        "zh": "百万人，苗圩所述；“多”为发言原文",
    },
    "alt_people": {
        "en": "Bar chart: more than {students} million students in remote education and more than {office} million remote-office users.",
        "zh": "柱状图：远程教育学生超过{students}百万人，远程办公用户超过{office}百万人。",
    },
    "china_only": {
        "en": "These figures are for China; the chart shows when China is in the selection.",
        "zh": "以下数字仅涉及中国；所选国家包含中国时显示。",
    },
    # agenda
    "experiences": {"en": "Three pandemic experiences (Miao Wei)", "zh": "抗疫三方面经验（苗圩）"},
    "proposals": {"en": "Six proposals (Miao Wei)", "zh": "六点倡议（苗圩）"},
    "other_statements": {"en": "Other statements", "zh": "其他表述"},
    "plans": {"en": "Plans for the cooperation year", "zh": "合作年计划"},
    "chart_matrix_title": {
        "en": "Which cooperation fields each proposal names",
        "zh": "各项倡议涉及的合作领域",
    },
    "chart_matrix_subtitle": {
        "en": "Filled cell = the proposal's Chinese text names the field",
        "zh": "填色表示该倡议原文提及此领域",
    },
    "alt_matrix": {
        "en": "Matrix of {p} proposals by {f} cooperation fields; the most often named field is {top} ({n} proposals).",
        "zh": "矩阵图：{p}项倡议 × {f}个合作领域；被提及最多的是{top}（{n}项倡议）。",
    },
    "proposal_n": {"en": "Proposal {n}", "zh": "倡议{n}"},
    "chart_timeline_title": {
        "en": "ASEAN–China theme years, 2016–2021",
        "zh": "中国—东盟合作主题年（2016—2021）",
    },
    "chart_timeline_subtitle": {
        "en": "One theme a year; the 2020 Digital Economy Cooperation Year is highlighted",
        "zh": "每年一个主题；突出显示2020年数字经济合作年",
    },
    "alt_timeline": {
        "en": "Timeline of {n} theme years from {first} to {last}.",
        "zh": "时间轴：{first}年至{last}年的{n}个主题年。",
    },
    "speaker": {"en": "Speaker", "zh": "发言人"},
    "fields_named": {"en": "Fields named", "zh": "涉及领域"},
    # country
    "choose_country": {"en": "Country", "zh": "国家"},
    "represented_by": {"en": "Represented by", "zh": "出席代表"},
    "not_represented": {
        "en": "No official of this country is named in the report.",
        "zh": "报道中未提及该国官员。",
    },
    "figures_for": {"en": "Figures for {country}", "zh": "{country}的数据"},
    "no_figures": {"en": "No curated figure for this country yet.", "zh": "暂无该国的整理数据。"},
    "chart_rank_title": {"en": "{series}: where {country} stands", "zh": "{series}：{country}的位置"},
    "alt_rank": {
        "en": "Bar chart ranking {n} countries by {series} in {year}; {country} is highlighted.",
        "zh": "柱状图：按{year}年{series}对{n}个国家排序，突出显示{country}。",
    },
    # World Bank indicators
    "page_connectivity": {"en": "Connectivity", "zh": "互联互通"},
    "page_innovation": {"en": "Innovation & economy", "zh": "创新与经济"},
    "indicator": {"en": "Indicator", "zh": "指标"},
    "about_indicator": {"en": "About this indicator", "zh": "关于此指标"},
    "indicator_year": {"en": "Year for the ranking", "zh": "排名年份"},
    "reference_lines": {
        "en": "dashed = World and East Asia & Pacific; dotted = ASEAN-10, the ten members of 2020 (derived by us)",
        "zh": "虚线为世界和东亚与太平洋；点线为东盟十国，即2020年的十个成员国（本站推算）",
    },
    "ranking": {"en": "ranking", "zh": "排名"},
    "no_data_year": {"en": "No country has a value for {year}.", "zh": "{year}年没有国家有数据。"},
    "china_vs_asean": {"en": "China and ASEAN-10", "zh": "中国与东盟十国"},
    "asean_derived_note": {
        "en": "ASEAN-10 (the ten members of 2020, without Timor-Leste) derived by us, only for years where all ten have data",
        "zh": "东盟十国（2020年的十个成员国，不含东帝汶）为本站推算，仅在十国均有数据的年份计算",
    },
    "no_aggregate": {
        "en": "No ASEAN-10 aggregate for this indicator: some members lack data every year, or there are no suitable weights.",
        "zh": "该指标没有东盟十国汇总：每年都有成员缺数据，或没有合适的权重。",
    },
    "alt_lines": {
        "en": "Line chart of {series} for {countries}, {first}-{last}, with World and East Asia & Pacific for reference.",
        "zh": "折线图：{countries}的{series}（{first}—{last}年），并以世界和东亚与太平洋为参照。",
    },
    "alt_ranking": {
        "en": "Bar chart ranking {n} countries by {series} in {year}; highest: {top}.",
        "zh": "柱状图：按{year}年{series}对{n}个国家排序；最高为{top}。",
    },
    "alt_china_asean": {
        "en": "Line chart of {series} for China and the ASEAN-10 aggregate, {first}-{last}.",
        "zh": "折线图：中国与东盟十国汇总的{series}（{first}—{last}年）。",
    },
    "chart_gmv_gdp_title": {
        "en": "Internet-economy GMV ÷ GDP, 2020 (derived)",
        "zh": "互联网经济GMV ÷ GDP，2020年（推算）",
    },
    "chart_gmv_gdp_subtitle": {
        "en": "Percent; e-Conomy SEA GMV divided by World Bank GDP. A ratio of transaction value, not a digital-economy share",
        "zh": "百分比；e-Conomy SEA GMV除以世界银行GDP。是交易额之比，不是数字经济占比",
    },
    "alt_gmv_gdp": {
        "en": "Bar chart of internet-economy GMV divided by GDP in 2020 for {countries}; highest {top} at {value}%.",
        "zh": "柱状图：2020年{countries}的互联网经济GMV除以GDP；最高为{top}，{value}%。",
    },
    "sparklines": {"en": "All World Bank indicators", "zh": "全部世界银行指标"},
    "col_indicator": {"en": "Indicator", "zh": "指标"},
    "col_latest": {"en": "Latest value", "zh": "最新值"},
    "col_latest_year": {"en": "Year", "zh": "年份"},
    "col_trend": {"en": "Trend", "zh": "走势"},
    "col_rank": {"en": "Rank (of countries with data)", "zh": "排名（有数据的国家中）"},
    # sources
    "sources_intro": {
        "en": "Every source used, with what rests on it. Press articles are quoted for citation only.",
        "zh": "本站使用的全部来源及其支撑的数据。新闻报道仅作引用。",
    },
    "col_publisher": {"en": "Publisher", "zh": "发布者"},
    "col_source_title": {"en": "Title", "zh": "标题"},
    "col_date": {"en": "Published", "zh": "发布日期"},
    "col_accessed": {"en": "Accessed", "zh": "访问日期"},
    "col_link": {"en": "Link", "zh": "链接"},
    "col_licence": {"en": "Licence", "zh": "许可"},
    "col_figures": {"en": "Figures resting on it", "zh": "支撑的数据条数"},
    "col_records": {
        "en": "Records resting on it (figures, officials, statements, event, memberships)",
        "zh": "依据该来源的记录数（数据、官员、发言、活动、成员资格）",
    },
    "col_mirror_of": {"en": "Copy of", "zh": "转载自"},
    "col_took_part": {"en": "Took part", "zh": "是否出席"},
    "letter_only": {"en": "Letter only (read out by another official)", "zh": "仅致贺信（由他人宣读）"},
    "other_readings": {"en": "also given as", "zh": "另有说法"},
    "not_recorded": {"en": "not recorded", "zh": "未记录"},
    "zh_by_us": {"en": "Chinese wording ours", "zh": "中文为本站所拟"},
    "col_reports_on": {"en": "Reports on", "zh": "转述自"},
    "title_not_recorded": {"en": "(title not recorded)", "zh": "（标题未记录）"},
}


#: Display headers for the Table tab (downloads keep the stable, machine-readable column names).
COLUMN_LABELS: dict[str, dict[str, str]] = {
    "entity": {"en": "Code", "zh": "代码"},
    "entity_en": {"en": "Country or group", "zh": "国家或组别（英文）"},
    "entity_zh": {"en": "Country or group (Chinese)", "zh": "国家或组别"},
    "year": {"en": "Year", "zh": "年份"},
    "category": {"en": "Category", "zh": "类别"},
    "value": {"en": "Value", "zh": "数值"},
    "low": {"en": "Low", "zh": "下限"},
    "high": {"en": "High", "zh": "上限"},
    "qualifier": {"en": "Qualifier", "zh": "限定"},
    "kind": {"en": "Kind", "zh": "类型"},
    "unit_en": {"en": "Unit", "zh": "单位（英文）"},
    "unit_zh": {"en": "Unit (Chinese)", "zh": "单位"},
    "definition": {"en": "Definition", "zh": "定义"},
    "status": {"en": "Status", "zh": "核实状态"},
    "source_id": {"en": "Source id", "zh": "来源编号"},
    "source_publisher": {"en": "Publisher", "zh": "发布者（英文）"},
    "source_publisher_zh": {"en": "Publisher (Chinese)", "zh": "发布者"},
    "source_url": {"en": "Source URL", "zh": "来源链接"},
    "source_date": {"en": "Published", "zh": "发布日期"},
    "source_licence": {"en": "Licence", "zh": "许可"},
}


def column_label(column: str, lang: str) -> str:
    entry = COLUMN_LABELS.get(column)
    return (entry.get(lang) or entry["en"]) if entry else column


def t(key: str, lang: str, **values: object) -> str:
    """The string `key` in `lang` (English if `lang` is unknown), formatted with `values`."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text


def pick(en: str | None, zh: str | None, lang: str) -> str:
    """Data text in the reader's language, falling back to the other one."""
    first, second = (zh, en) if lang == "zh" else (en, zh)
    return first or second or ""
