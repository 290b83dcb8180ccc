"""The data contract: read, type and validate a project's params and tables.

``readers`` turns CSV / xlsx files into raw text tables; ``numbers`` and ``status`` parse cells the way partners
type them; ``spec`` is the contract, one specification per table; ``model`` the types the analyses receive
(``ProjectData``, ``Study``, ``scope``; no pandera, no reader); ``schemas`` the contract's pandera schemas;
``params`` the YAML params with pydantic; ``loader`` puts them together (``load_project``, ``check_project``);
``synthetic`` generates the sample's synthetic study.
Imports only ``helpers.paths``, ``helpers.errors`` and ``helpers.text``. Start reading at ``loader``; a new table goes in ``spec``.
"""
