package org.tcentre.gdpr.report.pdf;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Where things go on a page: A4, with the body between the margins and the running header and footer
 * in the top and bottom margins. All values in points, y measured from the bottom as in PDF.
 */
final class PageGeometry {

    static final PDRectangle SIZE = PDRectangle.A4;
    static final float MARGIN_LEFT = 50;
    static final float MARGIN_RIGHT = 50;
    static final float BODY_TOP = SIZE.getHeight() - 62;
    static final float BODY_BOTTOM = 58;
    static final float HEADER_BASELINE = SIZE.getHeight() - 36;
    static final float HEADER_RULE = SIZE.getHeight() - 42;
    static final float FOOTER_RULE = 44;
    static final float FOOTER_BASELINE = 32;

    static final float LEFT = MARGIN_LEFT;
    static final float RIGHT = SIZE.getWidth() - MARGIN_RIGHT;
    static final float BODY_WIDTH = RIGHT - LEFT;
    static final float BODY_HEIGHT = BODY_TOP - BODY_BOTTOM;

    private PageGeometry() {
    }
}
