"""Topics from weighted keywords."""

from __future__ import annotations

from tests.articles.extraction_support import run


def slugs(body: str, title: str = "") -> list[str]:
    return [t.slug for t in run(body, title).topics]


def test_one_specific_phrase_is_enough():
    assert slugs("दोनों देश साइबर सुरक्षा में सहयोग करेंगे।") == ["cyber-security"]


def test_a_single_weak_word_is_a_passing_mention():
    assert slugs("उन्होंने निर्यात का भी जिक्र किया।") == []


def test_topics_are_multi_label_and_ranked_by_weight():
    found = slugs("रक्षा सहयोग और रक्षा उद्योग पर बात हुई। व्यापार भी बढ़ेगा।")
    assert found == ["defence", "trade"]


def test_a_keyword_inside_an_office_name_is_not_a_topic():
    assert slugs("वाणिज्य मंत्रालय और व्यापार मंत्री ने कहा।") == []


def test_each_topic_keeps_the_sentence_of_its_first_keyword():
    result = run("भूमिका। दोनों देश साइबर सुरक्षा में सहयोग करेंगे।")
    (topic,) = result.topics
    assert result.body[topic.evidence.mention_start : topic.evidence.mention_end] == "साइबर सुरक्षा"
