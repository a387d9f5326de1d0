package org.supervisionhub.subject;

/** Kind of regulated subject (企业, 个体工商户, 农民专业合作社, 社会组织, 事业单位, 机关, 自然人, 其他). */
public enum SubjectType {
    ENTERPRISE,
    INDIVIDUAL_BUSINESS,
    FARMER_COOPERATIVE,
    SOCIAL_ORGANIZATION,
    PUBLIC_INSTITUTION,
    GOVERNMENT_AGENCY,
    NATURAL_PERSON,
    OTHER
}
