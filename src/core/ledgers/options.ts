import { vocabulary } from "../vocabulary/values";
/** Allowed values of the enum columns; the templates turn them into dropdowns. */
export const GENDERS = ["男", "女"] as const;
export const MEMBER_TYPES = ["正式党员", "预备党员"] as const;
export const PERSON_CATEGORIES = ["教职工", "学生", "离退休"] as const;
export const PARTY_POSTS = ["书记", "副书记", "组织委员", "宣传委员", "纪检委员", "青年委员", "统战委员", "委员", "党小组长", "无"] as const;
/** 书记 and 支委 (委员) need 56 training hours and a 集中培训 record (培训). */
export const LEADER_POSTS: readonly string[] = PARTY_POSTS.filter((p) => p.endsWith("书记") || p.endsWith("委员"));
export const TRAINING_FORMS = ["集中培训", "网络培训", "专题党课", "专题讲座", "主题党日", "自学", "其他"] as const;
export const MEETING_TYPES = ["党员大会", "支委会", "党小组会", "党课", "主题党日", "组织生活会", "民主评议"] as const;
export const ORG_TYPES = ["党委", "党总支", "党支部"] as const;

/**
 * Other words for the allowed values, as secretaries and other systems write
 * them (compared after valueKey: 支部/党支部 in front and 会议 → 会 are already read).
 */
export const GENDER_WORDS = vocabulary(GENDERS, { 男: ["男性"], 女: ["女性"] });
export const MEMBER_TYPE_WORDS = vocabulary(MEMBER_TYPES, { 正式党员: ["正式"], 预备党员: ["预备"] });
export const PERSON_CATEGORY_WORDS = vocabulary(PERSON_CATEGORIES, {
  教职工: ["在职", "在职教职工", "在职党员", "在职教工", "教职员工", "教师", "教工", "职工", "教师党员", "教职工党员", "在岗"],
  学生: ["学生党员", "本科生", "研究生", "本科生党员", "研究生党员", "博士生", "硕士生", "博士研究生", "硕士研究生", "专科生"],
  离退休: ["退休", "离休", "离退休干部", "退休党员", "离休党员", "离退休党员", "退休教职工", "离退休人员", "退休人员"],
});
export const PARTY_POST_WORDS = vocabulary(PARTY_POSTS, {
  委员: ["支委", "支部委员"],
  党小组长: ["党小组组长", "小组长"],
  无: ["党员", "普通党员", "-", "—", "/"],
});
export const TRAINING_FORM_WORDS = vocabulary(TRAINING_FORMS, {
  集中培训: ["集中学习", "集中轮训", "集体学习", "集中学习培训", "脱产培训", "专题培训", "集中教育"],
  网络培训: ["网络学习", "线上学习", "网上学习", "在线学习", "网络", "线上", "网络课程"],
  专题党课: ["党课"],
  专题讲座: ["讲座", "报告会", "专题报告"],
  自学: ["个人自学", "自主学习", "个人学习"],
});
export const MEETING_TYPE_WORDS = vocabulary(MEETING_TYPES, {
  党员大会: ["全体党员大会", "全体党员会", "党员会"],
  支委会: ["委员会", "委员会会", "支委", "支委扩大会"],
  党小组会: ["小组会", "党小组学习"],
  党课: ["讲党课", "书记讲党课", "上党课", "专题党课"],
  主题党日: ["党日", "党员活动日", "固定党日"],
  组织生活会: ["专题组织生活会"],
  民主评议: ["民主评议党员"],
});
export const ORG_TYPE_WORDS = vocabulary(ORG_TYPES, { 党总支: ["总支"], 党支部: ["支部", "联合党支部", "临时党支部"] });
