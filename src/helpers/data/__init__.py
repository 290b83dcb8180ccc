"""The data contract: read, type and validate a project's params and tables.

``readers`` turns CSV / xlsx files into raw text tables; ``numbers`` and ``status`` parse cells the way partners
type them; ``schemas`` is the contract as pandera schemas; ``params`` the YAML params with pydantic; ``loader`` puts
them together (``load_project``, ``check_project``); ``synthetic`` generates the sample's synthetic study.
Imports only ``helpers.paths`` and ``helpers.errors``. Start reading at ``loader``; a new table goes in ``schemas``.
"""
