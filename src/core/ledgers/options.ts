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
