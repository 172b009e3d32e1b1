"""Magnesium- and potassium-rich foods with typical amounts per serving.

Figures are rounded from the NIH Office of Dietary Supplements fact sheets
(Magnesium, Potassium) and USDA FoodData Central; names and serving sizes are
catalog messages (`coaching-food-<id>`), the numbers live here.
"""

from __future__ import annotations

from dataclasses import dataclass

# Adult daily references (NIH ODS): magnesium RDA 310-420 mg, potassium AI 2600-3400 mg.
MAGNESIUM_RDA_MG = (310, 420)
POTASSIUM_AI_MG = (2600, 3400)
# Tolerable upper intake for magnesium from supplements and medicines (not food), adults.
SUPPLEMENT_MAGNESIUM_UL_MG = 350


@dataclass(frozen=True)
class Food:
    id: str
    emoji: str
    magnesium_mg: int
    potassium_mg: int


FOODS: tuple[Food, ...] = (
    Food("pumpkinseeds", "🎃", 156, 223),   # roasted kernels, 1 oz (28 g)
    Food("almonds", "🌰", 80, 210),         # dry roasted, 1 oz (28 g)
    Food("spinach", "🥬", 78, 420),         # boiled, 1/2 cup
    Food("cashews", "🥜", 74, 160),         # dry roasted, 1 oz (28 g)
    Food("blackbeans", "🫘", 60, 305),      # boiled, 1/2 cup
    Food("potato", "🥔", 48, 926),          # baked with skin, 1 medium
    Food("lentils", "🍲", 36, 365),         # boiled, 1/2 cup
    Food("banana", "🍌", 32, 422),          # 1 medium
    Food("milk", "🥛", 27, 366),            # 1 cup (low fat)
    Food("salmon", "🐟", 26, 326),          # Atlantic, cooked, 3 oz (85 g)
    Food("avocado", "🥑", 22, 364),         # cubed, 1/2 cup
    Food("apricots", "🍑", 21, 755),        # dried, 1/2 cup
)
BY_ID = {f.id: f for f in FOODS}
OTHER = "other"   # a free-text diary entry
