#!/usr/bin/python3
"""Writes the number-format workbooks of this folder with the tools users write workbooks with.

Run from this folder: /usr/bin/python3 generate.py (needs Debian's python3-xlsxwriter,
python3-openpyxl, python3-pandas, libreoffice-calc-nogui and gnumeric). Each data row holds one
number cell (column 'value') in one number format (described in 'format') and, in 'expected',
what that cell is:
  date <ISO date-time>   a calendar date (with its time of day)
  time <HH:mm[:ss]>      a time of day without a date
  duration <h:mm:ss>     an elapsed length of time
  number <digits>        a plain number
  text <text>            a text cell
  refused                no value: the cell is refused with a message naming it
"""
import datetime
import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl
import pandas
import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["file_fullpath", "format", "value", "expected"]

# (format: a built-in numFmtId or a format code, value, expected), 1900 date system.
ROWS_1900 = [
    (14, 45306, "date 2024-01-15T00:00"),
    (22, 45306.4375, "date 2024-01-15T10:30"),
    (18, 0.4375, "time 10:30"),
    (19, 0.4375, "time 10:30"),
    (20, 45306.4375, "time 10:30"),
    (21, 0.4375, "time 10:30"),
    (45, 31 / 1440, "time 00:31"),
    (46, 1.5, "duration 36:00:00"),
    (47, 31 / 1440, "time 00:31"),
    # East-Asian built-in ids: no <numFmt> entry; xlsxwriter writes the bare id.
    (27, 45306, "date 2024-01-15T00:00"),
    (28, 45306, "date 2024-01-15T00:00"),
    (29, 45306, "date 2024-01-15T00:00"),
    (30, 45306, "date 2024-01-15T00:00"),
    (31, 45306, "date 2024-01-15T00:00"),
    (32, 0.4375, "time 10:30"),
    (33, 0.4375, "time 10:30"),
    (36, 45306, "date 2024-01-15T00:00"),
    (50, 45306, "date 2024-01-15T00:00"),
    (51, 45306, "date 2024-01-15T00:00"),
    (54, 45306, "date 2024-01-15T00:00"),
    (57, 45306, "date 2024-01-15T00:00"),
    (58, 45306, "date 2024-01-15T00:00"),
    # A date in Japanese and Korean Excel, a time of day in Chinese Excel: this workbook's
    # default font (Calibri) does not say which wrote it.
    (34, 45306, "refused"),
    (0, 1.5, "number 1.5"),
    (1, 45306, "number 45306"),
    (49, 42, "number 42"),
    ('[$-411]ggge"年"m"月"d"日"', 45306, "date 2024-01-15T00:00"),
    ('[$-411]yyyy"年"m"月"d"日";@', 45306, "date 2024-01-15T00:00"),
    ('[$-F800]dddd, mmmm dd, yyyy', 45306, "date 2024-01-15T00:00"),
    ('yyyy"年"m"月"d"日"', 45306, "date 2024-01-15T00:00"),
    ('mmm-yy', 45306, "date 2024-01-15T00:00"),
    ('yyyy-mm-dd', 59, "date 1900-02-28T00:00"),
    ('yyyy-mm-dd', 60, "refused"),
    ('yyyy-mm-dd', 61, "date 1900-03-01T00:00"),
    ('yyyy-mm-dd hh:mm', 0.4375, "time 10:30"),
    ('h:mm:ss AM/PM', 0.4375, "time 10:30"),
    ('[$-409]h:mm AM/PM;@', 0.4375, "time 10:30"),
    ('[h]:mm', 1.5, "duration 36:00:00"),
    ('[mm]:ss', 0.0625, "duration 1:30:00"),
    ('[ss]', 1 / 1440, "duration 0:01:00"),
    ('[Red]0.00', 12.5, "number 12.5"),
    ('0.0" days"', 12.5, "number 12.5"),
    ('0\\h', 3, "number 3"),
    ('#,##0.00_);[Red](#,##0.00)', 12.5, "number 12.5"),
    ('0.00E+00', 12500, "number 12500"),
]

ROWS_1904 = [
    ('yyyy-mm-dd', 43844, "date 2024-01-15T00:00"),
    ('yyyy-mm-dd', 0, "date 1904-01-01T00:00"),
    (22, 43844.4375, "date 2024-01-15T10:30"),
    (31, 43844, "date 2024-01-15T00:00"),
    (20, 0.4375, "time 10:30"),
    (46, 1.5, "duration 36:00:00"),
]


def describe(fmt):
    return "id %d" % fmt if isinstance(fmt, int) else fmt


def write_xlsxwriter(path, rows, date_1904=False):
    book = xlsxwriter.Workbook(path, {"date_1904": date_1904})
    sheet = book.add_worksheet("formats")
    sheet.write_row(0, 0, HEADER)
    formats = {}
    for i, (fmt, value, expected) in enumerate(rows, start=1):
        if fmt not in formats:
            formats[fmt] = book.add_format({"num_format": fmt})
        sheet.write_string(i, 0, "img%02d.jpg" % i)
        sheet.write_string(i, 1, describe(fmt))
        sheet.write_number(i, 2, value, formats[fmt])
        sheet.write_string(i, 3, expected)
    book.close()


def write_openpyxl(path, epoch_1904=False):
    """openpyxl's own forms: Python date, time and timedelta objects, each with openpyxl's default format."""
    book = openpyxl.Workbook()
    if epoch_1904:
        book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = "formats"
    sheet.append(HEADER)
    rows = [
        (datetime.datetime(2024, 1, 15, 10, 30), "date 2024-01-15T10:30"),
        (datetime.date(2024, 1, 15), "date 2024-01-15T00:00"),
        (datetime.time(10, 30), "time 10:30"),
        (datetime.timedelta(hours=36), "duration 36:00:00"),
        (datetime.timedelta(minutes=90, seconds=5), "duration 1:30:05"),
    ]
    for i, (value, expected) in enumerate(rows, start=1):
        sheet.append(["img%02d.jpg" % i, type(value).__name__, value, expected])
    for cell in sheet["C"][1:]:
        cell.offset(0, -1).value += " " + cell.number_format
    book.save(path)


def write_pandas(path, engine):
    frame = pandas.DataFrame({
        "file_fullpath": ["img01.jpg", "img02.jpg", "img03.jpg", "img04.jpg"],
        "format": ["Timestamp", "date", "time", "Timedelta"],
        "value": [pandas.Timestamp("2024-01-15 10:30"), datetime.date(2024, 1, 15), datetime.time(10, 30),
                  pandas.Timedelta(hours=36)],
        # pandas writes a time as text and a Timedelta as a number of days in format "0".
        "expected": ["date 2024-01-15T10:30", "date 2024-01-15T00:00", "text 10:30:00", "number 1.5"],
    })
    frame.to_excel(path, index=False, sheet_name="formats", engine=engine)


def convert(tool, source, target):
    with tempfile.TemporaryDirectory() as work:
        if tool == "libreoffice":
            copy = os.path.join(work, "in.xlsx")
            shutil.copy(source, copy)
            out = os.path.join(work, "out")
            subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + work + "/profile",
                            "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, copy],
                           check=True, capture_output=True)
            shutil.move(os.path.join(out, "in.xlsx"), target)
        else:
            subprocess.run(["ssconvert", "--export-type=Gnumeric_Excel:xlsx2", source, target],
                           check=True, capture_output=True)


def edit_default_font(source, target, font_xml):
    """Gives the workbook's first font (the Normal style's) East-Asian Excel's default font and script."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/styles.xml":
                text = data.decode("utf-8")
                text, count = re.subn(r"<font>.*?</font>", font_xml, text, count=1, flags=re.S)
                assert count == 1, "no <font> in styles.xml"
                data = text.encode("utf-8")
            zout.writestr(item, data)


def write_upload(path):
    """One column per kind, for uploading through the command line: dates in a bare East-Asian id and a
    Japanese custom format, times of day, durations."""
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("metadata")
    formats = [None, book.add_format({"num_format": 31}), book.add_format({"num_format": "h:mm"}),
               book.add_format({"num_format": "[h]:mm:ss"}),
               book.add_format({"num_format": '[$-411]ggge"年"m"月"d"日"'})]
    sheet.write_row(0, 0, ["file_fullpath", "taken", "exposure", "elapsed", "taken_ja"])
    rows = [("images/img1.jpg", 45306, 0.4375, 1.5, 45306),
            ("images/img2.jpg", 45307, 0.75, 0.0625, 45307),
            ("images/img3.jpg", 45306, 0.4375, 2, 45308)]
    for r, row in enumerate(rows, start=1):
        sheet.write_string(r, 0, row[0])
        for c in range(1, 5):
            sheet.write_number(r, c, row[c], formats[c])
    book.close()


def main():
    os.chdir(HERE)
    write_upload("upload.xlsx")
    write_xlsxwriter("xlsxwriter.xlsx", ROWS_1900)
    write_xlsxwriter("xlsxwriter-1904.xlsx", ROWS_1904, date_1904=True)
    convert("libreoffice", "xlsxwriter.xlsx", "libreoffice.xlsx")
    convert("gnumeric", "xlsxwriter.xlsx", "gnumeric.xlsx")
    convert("libreoffice", "xlsxwriter-1904.xlsx", "libreoffice-1904.xlsx")
    write_openpyxl("openpyxl.xlsx")
    write_openpyxl("openpyxl-1904.xlsx", epoch_1904=True)
    write_pandas("pandas-openpyxl.xlsx", "openpyxl")
    write_pandas("pandas-xlsxwriter.xlsx", "xlsxwriter")
    # Ids 34, 35, 52, 53, 55 and 56 depend on the Excel language; the default font says which.
    locale_rows = [(fid, 45306, "date 2024-01-15T00:00") for fid in (34, 35, 52, 53, 55, 56)]
    write_xlsxwriter("locale-ids.xlsx", locale_rows)
    edit_default_font("locale-ids.xlsx", "japanese-locale-ids.xlsx",
                      '<font><sz val="11"/><color theme="1"/><name val="游ゴシック"/><family val="2"/>'
                      '<charset val="128"/><scheme val="minor"/></font>')
    traditional = [(fid, 0.4375, "time 10:30") for fid in (34, 35, 52, 53, 55, 56)]
    write_xlsxwriter("locale-ids.xlsx", traditional)
    edit_default_font("locale-ids.xlsx", "traditional-chinese-locale-ids.xlsx",
                      '<font><sz val="12"/><color theme="1"/><name val="新細明體"/><family val="2"/>'
                      '<charset val="136"/><scheme val="minor"/></font>')
    os.remove("locale-ids.xlsx")


if __name__ == "__main__":
    main()
