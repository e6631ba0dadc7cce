"""Knowledge the coder is built from, with no parser in it: the actor base, the code tables, the gazetteer.

    from eventwire.knowledge.actors import ActorKB
    from eventwire.knowledge.codes import tables
    from eventwire.knowledge.gazetteer import Gazetteer, shipped_gazetteer

Each is loaded once per process and can be replaced by passing another to `Coder`.
"""
