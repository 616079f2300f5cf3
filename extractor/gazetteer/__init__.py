"""Time-aware gazetteer: named administrative units -> GSO codes as of a document's date.

from extractor.gazetteer import Gazetteer, Unit
gz = Gazetteer.load()
r = gz.resolve("Hòa Bình", Unit("district", "huyện", "Kỳ Sơn"),
               Unit("commune", "xã", "Hợp Thịnh"), datetime.date(2019, 11, 11))
r.commune_code, r.district_code  # ('04897', '151')
"""

from extractor.gazetteer.model import Resolved, Unit
from extractor.gazetteer.resolver import AMBIGUOUS, NOT_FOUND, REPAIRED, UNCERTAIN, Gazetteer

__all__ = ["AMBIGUOUS", "NOT_FOUND", "REPAIRED", "UNCERTAIN", "Gazetteer", "Resolved", "Unit"]
