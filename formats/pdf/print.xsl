<?xml version="1.0" encoding="UTF-8"?>
<!--
  Fascicle's print layout: a customization layer over the DocBook XSL (namespaced) FO stylesheets,
  turning a Fascicle DocBook book into XSL-FO for Apache FOP.

    xsltproc -nonet -stringparam paper.type A4 -o book.fo print.xsl book.xml
    fop -fo book.fo -pdf book.pdf

  `fascicle ... -t pdf` runs this with a copy of this file embedded in the pdf plugin, adding the
  parameters body.font.family/title.font.family/monospace.font.family (the Liberation fonts, which
  it also tells FOP to embed) and pdf.date (see formats/pdf/README.md). The import is resolved
  through the XML catalog (Debian: docbook-xsl-ns), so no network is needed.

  The layout: a double-sided book on A4 (paper.type=USletter for US letter, or any trim size as
  page.width and page.height: fascicle passes those and the margins from its paper and margin options),
  a half title, a title page and a copyright page, a table of contents with chapters and sections,
  running heads (the book's title on left-hand pages, the chapter's on right-hand ones) and page
  numbers, every chapter starting on a right-hand page (the blank left-hand page before it carries
  no running head and no number), justified and hyphenated serif text (by default FOP's built-in
  Times). Optionally bleed and crop marks (print.bleed, print.crop.offset, print.crop.marks).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:d="http://docbook.org/ns/docbook"
                xmlns:x="adobe:ns:meta/"
                xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
                xmlns:mml="http://www.w3.org/1998/Math/MathML"
                xmlns:exsl="http://exslt.org/common"
                xmlns:svg="http://www.w3.org/2000/svg"
                exclude-result-prefixes="d x rdf dc xmp mml exsl">

  <xsl:import href="http://docbook.sourceforge.net/release/xsl-ns/current/fo/docbook.xsl"/>

  <!-- Paper and pages -->
  <xsl:param name="paper.type">A4</xsl:param>
  <xsl:param name="double.sided" select="1"/>
  <xsl:param name="page.margin.inner">25mm</xsl:param>
  <xsl:param name="page.margin.outer">20mm</xsl:param>
  <xsl:param name="page.margin.top">15mm</xsl:param>
  <xsl:param name="page.margin.bottom">15mm</xsl:param>
  <xsl:param name="fop1.extensions" select="1"/>
  <!-- Blank pages (the left-hand page before a chapter that must start on the right) stay blank. -->
  <xsl:param name="headers.on.blank.pages" select="0"/>
  <xsl:param name="footers.on.blank.pages" select="0"/>

  <!-- Type: FOP maps "serif" to its built-in Times; fascicle passes an embeddable face instead,
       followed by its fallback chain (a font-family list: FOP picks a font for each character),
       and sets sans.font.family, monospace.font.family, symbol.font.family and
       dingbat.font.family likewise (docbook-xsl's defaults there are FOP's built-in Symbol and
       ZapfDingbats, which cannot be embedded). -->
  <xsl:param name="body.font.family">serif</xsl:param>
  <xsl:param name="title.font.family">serif</xsl:param>
  <xsl:param name="body.font.master">11</xsl:param>
  <xsl:param name="line-height">1.35</xsl:param>
  <xsl:param name="alignment">justify</xsl:param>
  <xsl:param name="hyphenate">true</xsl:param>
  <!-- Body text aligned with the headings, as in a printed book, not indented under them. -->
  <xsl:param name="body.start.indent">0pt</xsl:param>

  <!-- One table of contents, for the book, listing chapters and their sections. -->
  <xsl:param name="generate.toc">book toc,title</xsl:param>
  <xsl:param name="toc.section.depth" select="1"/>
  <xsl:param name="section.autolabel" select="1"/>
  <xsl:param name="section.label.includes.component.label" select="1"/>

  <xsl:attribute-set name="abstract.properties">
    <xsl:attribute name="start-indent">1.5em</xsl:attribute>
    <xsl:attribute name="end-indent">1.5em</xsl:attribute>
    <xsl:attribute name="font-style">italic</xsl:attribute>
    <xsl:attribute name="space-after">1.5em</xsl:attribute>
  </xsl:attribute-set>

  <!-- Titles are never hyphenated. -->
  <xsl:attribute-set name="section.title.properties">
    <xsl:attribute name="hyphenate">false</xsl:attribute>
  </xsl:attribute-set>
  <!-- In the table of contents, chapters stand out from their sections. -->
  <xsl:attribute-set name="toc.line.properties">
    <xsl:attribute name="hyphenate">false</xsl:attribute>
    <xsl:attribute name="font-weight">
      <xsl:choose>
        <xsl:when test="self::d:chapter or self::d:article">bold</xsl:when>
        <xsl:otherwise>normal</xsl:otherwise>
      </xsl:choose>
    </xsl:attribute>
    <xsl:attribute name="space-before">
      <xsl:choose>
        <xsl:when test="self::d:chapter or self::d:article">0.6em</xsl:when>
        <xsl:otherwise>0pt</xsl:otherwise>
      </xsl:choose>
    </xsl:attribute>
  </xsl:attribute-set>

  <!-- Chapters start on a new right-hand page (the default for a double-sided book); give their
       titles room. -->
  <xsl:attribute-set name="component.title.properties">
    <xsl:attribute name="space-after">1em</xsl:attribute>
    <xsl:attribute name="hyphenate">false</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="section.title.level1.properties">
    <xsl:attribute name="font-size">
      <xsl:value-of select="$body.font.master * 1.3"/>
      <xsl:text>pt</xsl:text>
    </xsl:attribute>
  </xsl:attribute-set>

  <!-- Paragraphs: a little space between them. -->
  <xsl:attribute-set name="normal.para.spacing">
    <xsl:attribute name="space-before.optimum">0.4em</xsl:attribute>
    <xsl:attribute name="space-before.minimum">0.2em</xsl:attribute>
    <xsl:attribute name="space-before.maximum">0.6em</xsl:attribute>
    <xsl:attribute name="orphans">2</xsl:attribute>
    <xsl:attribute name="widows">2</xsl:attribute>
  </xsl:attribute-set>

  <!-- Running heads, as in a printed book: the chapter's title on left-hand pages, the section's
       on right-hand ones, across the page (the default three equal columns wrap long titles). -->
  <xsl:param name="header.column.widths">1 14 1</xsl:param>
  <xsl:attribute-set name="header.content.properties">
    <xsl:attribute name="font-size">9pt</xsl:attribute>
    <xsl:attribute name="font-style">italic</xsl:attribute>
    <xsl:attribute name="hyphenate">false</xsl:attribute>
  </xsl:attribute-set>
  <!-- A rule under the running head only where there is one; none over the page number. -->
  <xsl:template name="head.sep.rule">
    <xsl:param name="pageclass"/>
    <xsl:param name="sequence"/>
    <xsl:param name="gentext-key"/>
    <xsl:if test="($sequence = 'odd' or $sequence = 'even') and $pageclass != 'titlepage'">
      <xsl:attribute name="border-bottom-width">0.5pt</xsl:attribute>
      <xsl:attribute name="border-bottom-style">solid</xsl:attribute>
      <xsl:attribute name="border-bottom-color">black</xsl:attribute>
    </xsl:if>
  </xsl:template>
  <xsl:param name="footer.rule" select="0"/>

  <xsl:template name="header.content">
    <xsl:param name="pageclass" select="''"/>
    <xsl:param name="sequence" select="''"/>
    <xsl:param name="position" select="''"/>
    <xsl:param name="gentext-key" select="''"/>
    <fo:block>
      <xsl:if test="$position = 'center' and $pageclass != 'titlepage'">
        <xsl:choose>
          <xsl:when test="$sequence = 'even'">
            <xsl:apply-templates select="/*[1]" mode="titleabbrev.markup"/>
          </xsl:when>
          <xsl:when test="$sequence = 'odd'">
            <xsl:apply-templates select="." mode="titleabbrev.markup"/>
          </xsl:when>
        </xsl:choose>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <!-- A book without a title has no title pages, so nothing carries the book's own id, which
       docbook-xsl's first bookmark points to (FOP: "Unresolved ID reference"): its bookmarks start
       at the table of contents instead (docbook.xsl's mode="bookmark" template, less that one). -->
  <xsl:template match="d:book[not(d:title|d:subtitle|d:titleabbrev|d:info)]" mode="bookmark">
    <xsl:variable name="id">
      <xsl:call-template name="object.id"/>
    </xsl:variable>
    <xsl:variable name="toc.params">
      <xsl:call-template name="find.path.params">
        <xsl:with-param name="table" select="normalize-space($generate.toc)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="contains($toc.params, 'toc') and (d:part|d:preface|d:chapter|d:appendix|d:article)">
      <fo:bookmark internal-destination="toc...{$id}">
        <fo:bookmark-title>
          <xsl:call-template name="gentext">
            <xsl:with-param name="key" select="'TableofContents'"/>
          </xsl:call-template>
        </fo:bookmark-title>
      </fo:bookmark>
    </xsl:if>
    <xsl:apply-templates select="*" mode="bookmark"/>
  </xsl:template>

  <!-- The book's opening pages: a half title (the title alone) with a blank back, the title page
       (docbook-xsl's: title, subtitle, authors), and on its back the copyright page. -->
  <xsl:template name="book.titlepage.before.recto">
    <fo:block text-align="center" font-size="{$body.font.master * 1.6}pt" space-before="30mm"
              hyphenate="false" break-after="odd-page">
      <xsl:apply-templates select="." mode="title.markup"/>
    </fo:block>
  </xsl:template>

  <!-- The copyright page says only what the book's metadata says (its rights, publisher, date and
       identifier), then which tools typeset it. -->
  <xsl:template name="book.titlepage.verso">
    <xsl:variable name="info" select="d:info"/>
    <xsl:variable name="scheme" select="normalize-space($info/d:bibliomisc[@role = 'identifier-scheme'])"/>
    <fo:block font-size="{$body.font.master * 0.85}pt" text-align="start" hyphenate="false"
              space-before="60mm">
      <xsl:for-each select="$info/d:legalnotice/d:para">
        <fo:block space-after="0.6em"><xsl:apply-templates/></fo:block>
      </xsl:for-each>
      <xsl:if test="$info/d:publisher/d:publishername or $info/d:pubdate">
        <fo:block space-after="0.6em">
          <xsl:choose>
            <xsl:when test="$info/d:publisher/d:publishername">
              <xsl:text>Published by </xsl:text>
              <xsl:value-of select="normalize-space($info/d:publisher/d:publishername)"/>
              <xsl:if test="$info/d:pubdate">
                <xsl:text>, </xsl:text>
                <xsl:value-of select="normalize-space($info/d:pubdate)"/>
              </xsl:if>
            </xsl:when>
            <xsl:otherwise>
              <xsl:text>Published </xsl:text>
              <xsl:value-of select="normalize-space($info/d:pubdate)"/>
            </xsl:otherwise>
          </xsl:choose>
        </fo:block>
      </xsl:if>
      <xsl:for-each select="$info/d:biblioid">
        <fo:block space-after="0.6em">
          <xsl:if test="$scheme != ''">
            <xsl:value-of select="$scheme"/>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:value-of select="normalize-space(.)"/>
        </fo:block>
      </xsl:for-each>
      <fo:block space-before="1.2em">Typeset with Fascicle, the DocBook XSL stylesheets and Apache FOP.</fo:block>
    </fo:block>
  </xsl:template>

  <!-- A picture standing alone (not in a line of text, no size given) takes its natural size,
       scaled down to the text's width when it is wider. A width in percent (Fascicle writes an
       image's CSS width as contentwidth) is a share of the text's width, as in CSS, not of the
       image's own size, as XSL-FO's content-width would take it. -->
  <xsl:template name="image.width">
    <xsl:choose>
      <xsl:when test="not(ancestor::d:inlinemediaobject) and not(@width or @depth or @contentwidth or
                      @contentdepth or @scale or @scalefit)">100%</xsl:when>
      <xsl:when test="contains(@contentwidth, '%') and not(@width)"><xsl:value-of select="@contentwidth"/></xsl:when>
      <xsl:when test="contains(@width, '%')"><xsl:value-of select="@width"/></xsl:when>
      <xsl:when test="@width and not(@width = '')">
        <xsl:call-template name="length-spec">
          <xsl:with-param name="length" select="@width"/>
          <xsl:with-param name="default.units" select="'px'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>auto</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="image.content.width">
    <xsl:param name="scalefit" select="0"/>
    <xsl:param name="scale" select="'1.0'"/>
    <xsl:choose>
      <xsl:when test="not(ancestor::d:inlinemediaobject) and not(@width or @depth or @contentwidth or
                      @contentdepth or @scale or @scalefit)">scale-down-to-fit</xsl:when>
      <xsl:when test="contains(@contentwidth, '%') and not(@width)">scale-to-fit</xsl:when>
      <xsl:when test="contains(@contentwidth, '%')"><xsl:value-of select="@contentwidth"/></xsl:when>
      <xsl:when test="@contentwidth">
        <xsl:call-template name="length-spec">
          <xsl:with-param name="length" select="@contentwidth"/>
          <xsl:with-param name="default.units" select="'px'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="number($scale) != 1.0">
        <xsl:value-of select="$scale * 100"/>
        <xsl:text>%</xsl:text>
      </xsl:when>
      <xsl:when test="$scalefit = 1">scale-to-fit</xsl:when>
      <xsl:otherwise>auto</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Bleed and crop marks (FOP's prepress extensions): fox:bleed sets the PDF's BleedBox around
       the trim (the page size, FOP's TrimBox), fox:crop-offset its MediaBox. FOP draws no marks:
       print.crop.marks draws them here, outside the bleed, on every page. -->
  <xsl:param name="print.bleed">0pt</xsl:param>
  <xsl:param name="print.crop.offset">0pt</xsl:param>
  <xsl:param name="print.crop.marks" select="0"/>
  <xsl:template match="/" mode="process.root">
    <xsl:choose>
      <xsl:when test="$print.bleed != '0pt' or $print.crop.offset != '0pt' or $print.crop.marks != 0">
        <xsl:variable name="fo">
          <xsl:apply-templates select="*[1]" mode="process.root"/>
        </xsl:variable>
        <xsl:apply-templates select="exsl:node-set($fo)/node()" mode="print.prepress"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="*[1]" mode="process.root"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="@*|node()" mode="print.prepress">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()" mode="print.prepress"/>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="fo:simple-page-master" mode="print.prepress">
    <xsl:copy>
      <xsl:apply-templates select="@*" mode="print.prepress"/>
      <xsl:attribute name="fox:bleed"><xsl:value-of select="$print.bleed"/></xsl:attribute>
      <xsl:attribute name="fox:crop-offset"><xsl:value-of select="$print.crop.offset"/></xsl:attribute>
      <xsl:apply-templates select="node()" mode="print.prepress"/>
    </xsl:copy>
  </xsl:template>
  <!-- The marks ride on every page's header region, positioned from the page's corner. -->
  <xsl:template match="fo:static-content[starts-with(@flow-name, 'xsl-region-before')]" mode="print.prepress">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()" mode="print.prepress"/>
      <xsl:if test="$print.crop.marks != 0">
        <xsl:call-template name="print.crop.marks"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>
  <xsl:template name="print.crop.marks">
    <!-- In points: the marks run from just outside the bleed (at least 3mm from the trim) for 10mm. -->
    <xsl:variable name="w" select="number(substring-before($page.width.points, 'pt'))"/>
    <xsl:variable name="h" select="number(substring-before($page.height.points, 'pt'))"/>
    <xsl:variable name="near" select="number(substring-before($print.crop.offset, 'pt')) - 28.35"/>
    <xsl:variable name="far" select="number(substring-before($print.crop.offset, 'pt'))"/>
    <!-- The tagged PDF (FOP's accessibility mode) wants alt text on every drawing, marks too. -->
    <fo:block-container absolute-position="fixed" top="0pt" left="0pt" width="{$w}pt" height="{$h}pt">
      <fo:block line-height="0" font-size="0pt">
        <fo:instream-foreign-object fox:alt-text="crop marks">
          <svg:svg width="{$w}pt" height="{$h}pt" viewBox="0 0 {$w} {$h}" overflow="visible">
            <svg:g stroke="black" stroke-width="0.25" fill="none">
              <svg:path d="M0,-{$near} V-{$far} M{$w},-{$near} V-{$far} M0,{$h + $near} V{$h + $far} M{$w},{$h + $near} V{$h + $far} M-{$near},0 H-{$far} M-{$near},{$h} H-{$far} M{$w + $near},0 H{$w + $far} M{$w + $near},{$h} H{$w + $far}"/>
            </svg:g>
          </svg:svg>
        </fo:instream-foreign-object>
      </fo:block>
    </fo:block-container>
  </xsl:template>
  <!-- The trim size in points, for the marks: fascicle passes them. -->
  <xsl:param name="page.width.points" select="'0pt'"/>
  <xsl:param name="page.height.points" select="'0pt'"/>

  <!-- A chapter's summary (its abstract) reads as the chapter's lead: no "Abstract" heading. -->
  <xsl:template match="d:chapter/d:info/d:abstract | d:article/d:info/d:abstract" mode="titlepage.mode">
    <fo:block xsl:use-attribute-sets="abstract.properties">
      <xsl:apply-templates select="*[not(self::d:title)]" mode="titlepage.mode"/>
    </fo:block>
  </xsl:template>

  <!-- DocBook has no line-break element; Fascicle writes a hard line break as <?linebreak?>. -->
  <xsl:template match="processing-instruction('linebreak')">
    <fo:block/>
  </xsl:template>

  <!-- The PDF's document properties, as docbook-xsl writes them, plus its dates: FOP would take
       those from the clock; fascicle passes one (SOURCE_DATE_EPOCH or the book's date) so that the
       same book gives the same PDF. -->
  <xsl:param name="pdf.date" select="''"/>
  <xsl:template name="fop1-document-information">
    <xsl:variable name="info" select="/*[1]/d:info"/>
    <fo:declarations>
      <x:xmpmeta>
        <rdf:RDF>
          <rdf:Description rdf:about="">
            <dc:title>
              <xsl:variable name="title">
                <xsl:apply-templates select="/*[1]" mode="title.markup"/>
              </xsl:variable>
              <xsl:value-of select="normalize-space($title)"/>
            </dc:title>
            <xsl:if test="$info/d:author">
              <dc:creator>
                <xsl:for-each select="$info/d:author">
                  <xsl:if test="position() != 1">, </xsl:if>
                  <xsl:value-of select="normalize-space(d:personname)"/>
                </xsl:for-each>
              </dc:creator>
            </xsl:if>
            <xsl:if test="$info/d:abstract">
              <dc:description>
                <xsl:value-of select="normalize-space($info/d:abstract)"/>
              </dc:description>
            </xsl:if>
            <xsl:if test="/*[1]/@xml:lang">
              <dc:language>
                <xsl:value-of select="/*[1]/@xml:lang"/>
              </dc:language>
            </xsl:if>
          </rdf:Description>
          <rdf:Description rdf:about="">
            <xmp:CreatorTool>Fascicle (DocBook XSL Stylesheets, Apache FOP)</xmp:CreatorTool>
            <xsl:if test="$pdf.date != ''">
              <xmp:CreateDate><xsl:value-of select="$pdf.date"/></xmp:CreateDate>
              <xmp:ModifyDate><xsl:value-of select="$pdf.date"/></xmp:ModifyDate>
              <xmp:MetadataDate><xsl:value-of select="$pdf.date"/></xmp:MetadataDate>
            </xsl:if>
          </rdf:Description>
        </rdf:RDF>
      </x:xmpmeta>
    </fo:declarations>
  </xsl:template>

  <!-- The tagged PDF (FOP's accessibility). Titles are headings in the structure tree: FOP takes
       an FO's role as its structure type. -->
  <xsl:attribute-set name="component.title.properties">
    <xsl:attribute name="role">H1</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="section.title.level1.properties">
    <xsl:attribute name="role">H2</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="section.title.level2.properties">
    <xsl:attribute name="role">H3</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="section.title.level3.properties">
    <xsl:attribute name="role">H4</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="section.title.level4.properties">
    <xsl:attribute name="role">H5</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="section.title.level5.properties">
    <xsl:attribute name="role">H6</xsl:attribute>
  </xsl:attribute-set>

  <!-- An image's alt text (its textobject) as FOP's fox:alt-text, which docbook-xsl 1.79 does not
       write: the graphic docbook-xsl makes, copied with the attribute added. -->
  <xsl:template match="d:imageobject">
    <xsl:variable name="graphic">
      <xsl:apply-imports/>
    </xsl:variable>
    <xsl:variable name="alt"
        select="normalize-space((ancestor::d:mediaobject[1] | ancestor::d:inlinemediaobject[1])[last()]/d:textobject[1])"/>
    <xsl:apply-templates select="exsl:node-set($graphic)" mode="fascicle.alt-text">
      <xsl:with-param name="alt" select="$alt"/>
    </xsl:apply-templates>
  </xsl:template>
  <xsl:template match="fo:external-graphic | fo:instream-foreign-object" mode="fascicle.alt-text">
    <xsl:param name="alt"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:if test="$alt != ''">
        <xsl:attribute name="fox:alt-text"><xsl:value-of select="$alt"/></xsl:attribute>
      </xsl:if>
      <xsl:copy-of select="node()"/>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="@* | node()" mode="fascicle.alt-text">
    <xsl:param name="alt"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates select="node()" mode="fascicle.alt-text">
        <xsl:with-param name="alt" select="$alt"/>
      </xsl:apply-templates>
    </xsl:copy>
  </xsl:template>

  <!-- A formula's alt text: its TeX (the equation's alt), else the text of its MathML. -->
  <xsl:template match="mml:math">
    <xsl:variable name="equation"
        select="ancestor::*[self::d:inlineequation or self::d:equation or self::d:informalequation][1]"/>
    <fo:instream-foreign-object>
      <xsl:attribute name="fox:alt-text">
        <xsl:choose>
          <xsl:when test="normalize-space($equation/d:alt) != ''">
            <xsl:value-of select="normalize-space($equation/d:alt)"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:copy>
        <xsl:copy-of select="@*"/>
        <xsl:apply-templates/>
      </xsl:copy>
    </fo:instream-foreign-object>
  </xsl:template>

</xsl:stylesheet>
