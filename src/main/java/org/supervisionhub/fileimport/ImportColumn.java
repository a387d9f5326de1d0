package org.supervisionhub.fileimport;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One column of a kind's standard sheet, as the template shows it: the wire form of {@link StandardColumns.Column}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ImportColumn", description = "导入模板的一列\nOne column of a kind's standard sheet")
public record ImportColumn(
        @Schema(description = "中文表头（首行）\nThe Chinese header (first row)", example = "检查结果代码")
        String header,

        @Schema(
                description =
                        "填入的规范记录字段路径（[] 表示每名执法人员一项）\n" + "The canonical record's field it fills ([] : one per officer)",
                example = "inspection.resultCode")
        String field,

        @Schema(description = "单元格格式\nThe cell's format", example = "text")
        String format,

        boolean required,

        @Schema(description = "示例值\nAn example value", example = "1")
        String example) {

    static ImportColumn of(StandardColumns.Column column) {
        return new ImportColumn(
                column.header(), column.path(), column.type().format(), column.required(), column.example());
    }
}
