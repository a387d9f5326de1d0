package org.supervisionhub.fileimport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of file imports (xlsx/csv sheets). */
@ConfigMapping(prefix = "hub.imports")
public interface ImportLimits {

    /** Bytes of one uploaded file, counted as they are read (the Content-Length is checked first). Defaults to 64 MiB. */
    @WithDefault("67108864")
    long maxFileBytes();

    /** Data rows of one sheet. Defaults to 100000. */
    @WithDefault("100000")
    int maxRows();

    /**
     * Data rows of one sheet in a dry run (试运行), which answers in the request with every row's canonical record;
     * more are refused (413 DRY_RUN_TOO_MANY_ROWS). Defaults to 1000, like a JSON array upload.
     */
    @WithDefault("1000")
    int maxDryRunRows();

    /** Columns of one sheet. Defaults to 256. */
    @WithDefault("256")
    int maxColumns();

    /** Characters of one cell (Excel's own limit). Defaults to 32767. */
    @WithDefault("32767")
    int maxCellChars();

    /**
     * Bytes of one part of an xlsx once unzipped (the sheet's XML, its shared strings), and the smallest compression
     * ratio accepted (POI's ZipSecureFile): a zip bomb is refused before it is inflated. Defaults to 1 GiB.
     */
    @WithDefault("1073741824")
    long maxUnzippedBytes();

    /** Smallest compressed/uncompressed ratio of an xlsx part (POI's ZipSecureFile). Defaults to 0.01. */
    @WithDefault("0.01")
    double minInflateRatio();
}
