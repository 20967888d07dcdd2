"""Country mentions and salience."""

from __future__ import annotations

from tests.articles.extraction_support import reference_gazetteer, run


def codes(body: str, title: str = "", gazetteer=None) -> list[str]:
    return [c.code for c in run(body, title, gazetteer=gazetteer).countries]


def test_a_demonym_before_a_noun_is_the_country():
    assert codes("राजनाथ ने रूसी पक्ष को बताया।") == ["RU"]


def test_a_name_inside_another_word_is_not_a_country():
    assert codes("यह इलाका वीरान पड़ा है।") == []


def test_an_ambiguous_word_counts_only_when_the_country_is_named_plainly():
    assert codes("चाय में चीनी डालें।") == []
    assert codes("चीन ने कहा कि चीनी कंपनियां निवेश करेंगी।") == ["CN"]


def test_english_names_match_even_between_hyphens():
    assert "JP" in codes("", title="Rajnath Singh -strengthens-defence-ties-with-Japan")


def test_the_title_country_outranks_one_mentioned_once_in_passing():
    ranked = codes(
        "भारत और जापान ने सहयोग बढ़ाया। भारत ने कहा कि जापान साझेदार है। " * 2
        + "\nअंत में पाकिस्तान का जिक्र हुआ।",
        title="भारत-जापान बैठक",
    )
    assert ranked[-1] == "PK" and set(ranked[:2]) == {"IN", "JP"}


def test_nukta_spellings_match_the_same_country():
    gazetteer = reference_gazetteer()
    assert codes("इज़राइल और इजराइल", gazetteer=gazetteer) == ["IL"]


def test_every_country_keeps_its_evidence_offsets():
    result = run("बैठक हुई। फिर जापान ने कहा।")
    (japan,) = result.countries
    assert result.body[japan.evidence.mention_start : japan.evidence.mention_end] == "जापान"
    assert result.body[japan.evidence.start : japan.evidence.end] == "फिर जापान ने कहा।"
