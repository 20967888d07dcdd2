"""Topics from weighted keywords."""

from __future__ import annotations

from tests.articles.extraction_support import reference_gazetteer, run


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


def reference_slugs(body: str, title: str = "") -> list[str]:
    return [t.slug for t in run(body, title, gazetteer=reference_gazetteer()).topics]


def test_a_supply_chain_alone_is_not_trade():
    found = reference_slugs(
        "दोनों मंत्रियों ने चिप की आपूर्ति श्रृंखला पर बात की। सेमीकंडक्टर आपूर्ति श्रृंखला में विविधता जरूरी है।"
    )
    assert "trade" not in found and "semiconductors" in found


def test_a_supply_chain_adds_to_trade_words_found_elsewhere():
    score = {
        t.slug: t.score
        for t in run(
            "दोनों देशों ने व्यापार पर चर्चा की और आपूर्ति श्रृंखला को मजबूत करने पर सहमति जताई।",
            gazetteer=reference_gazetteer(),
        ).topics
    }
    assert score["trade"] == 3.0


def test_electricity_imports_and_exports_are_energy_not_trade():
    found = reference_slugs(
        "दोनों देशों ने ऊर्जा सहयोग पर चर्चा की। भूटान से 2,000 मेगावाट बिजली आयात का समझौता "
        "हुआ। बांग्लादेश को बिजली का निर्यात भी बढ़ेगा।"
    )
    assert found == ["energy"]


def test_arms_imports_are_defence_not_trade():
    found = reference_slugs(
        "रक्षा सहयोग पर वार्ता हुई। भारत ने हथियारों के आयात में कटौती की है और स्वदेशी उत्पादन "
        "बढ़ाया है। रक्षा उपकरणों का निर्यात भी बढ़ा है।"
    )
    assert found == ["defence"]


def test_imports_and_exports_of_goods_are_still_trade():
    found = reference_slugs(
        "दोनों देशों ने चावल के निर्यात और उर्वरकों के आयात पर चर्चा की। द्विपक्षीय व्यापार 20 अरब डॉलर तक पहुंचा।"
    )
    assert found == ["trade"]
