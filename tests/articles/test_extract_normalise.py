"""Normalisation and sentence splitting."""

from __future__ import annotations

from articles.extract.normalise import fold_key, normalise_body, split_text_article
from articles.extract.sentences import Document, split_sentences


def test_it_splits_at_danda_question_mark_and_line_breaks():
    text = "भारत और जापान ने बैठक की। क्या समझौता हुआ? हां\nनया शीर्षक"
    assert [s.text for s in split_sentences(text)] == [
        "भारत और जापान ने बैठक की।", "क्या समझौता हुआ?", "हां", "नया शीर्षक",
    ]  # fmt: skip


def test_offsets_point_at_the_sentence_text():
    text = "  पहला वाक्य। दूसरा वाक्य।\n\nतीसरा"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_a_full_stop_after_an_initial_does_not_end_the_sentence():
    text = "विदेश मंत्री एस. जयशंकर ने कहा. डॉ. सिंह भी थे."
    assert [s.text for s in split_sentences(text)] == [
        "विदेश मंत्री एस. जयशंकर ने कहा.", "डॉ. सिंह भी थे.",
    ]  # fmt: skip


def test_bullet_marks_on_their_own_line_are_not_sentences():
    text = "उद्देश्य:\n-\nAI और तकनीकी सहयोग\n-\nरक्षा और सुरक्षा सहयोग"
    assert [s.text for s in split_sentences(text)] == [
        "उद्देश्य:", "AI और तकनीकी सहयोग", "रक्षा और सुरक्षा सहयोग",
    ]  # fmt: skip


def test_the_body_is_cut_at_the_popular_post_block_and_read_also_lines_go():
    body = "असली खबर।\nयह भी पढ़ें: कुछ और\nआगे की खबर।\n\n\npopular post\nदूसरी खबर"
    assert normalise_body(body) == "असली खबर।\nआगे की खबर।"


def test_zero_width_joiners_are_removed_and_text_is_nfc():
    assert normalise_body("भा\u200dरत") == "भारत"
    assert normalise_body("क\u093c") == "क\u093c"  # NFC keeps a separate nukta


def test_fold_key_ignores_nukta_case_dots_and_spaces():
    assert fold_key("लावरोफ़") == fold_key("लावरोफ")
    assert fold_key("एस. जयशंकर") == fold_key("एस जयशंकर")
    assert fold_key("Rajnath Singh") == fold_key("rajnath  singh")


def test_a_text_article_skips_furniture_before_the_title():
    title, body = split_text_article("×\n\nशीर्षक यहां\nपहला पैराग्राफ")
    assert title == "शीर्षक यहां"
    assert body.strip() == "पहला पैराग्राफ"


def test_title_sentences_come_first_in_a_document():
    doc = Document("शीर्षक", "पहला। दूसरा।")
    assert [(s.field, s.index) for s in doc.sentences] == [("title", 0), ("body", 1), ("body", 2)]
    assert doc.sentence_at("body", 0).text == "पहला।"


def test_an_initial_inside_brackets_does_not_end_a_sentence():
    text = "मंत्री श्री वी. के. नंदन (V. K. Nandan) ने कहा। बैठक हुई।"
    assert [s.text for s in split_sentences(text)] == [
        "मंत्री श्री वी. के. नंदन (V. K. Nandan) ने कहा।",
        "बैठक हुई।",
    ]
