"""The first schema: every table the product needs, and the append-only audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The audit log is append-only (DEVELOPERS.md, Principles): the database itself
# refuses to change or delete a row, on top of the hash chain that detects it.
AUDIT_TRIGGERS = (
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
)


def upgrade() -> None:
    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )
    op.create_table('objects',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('data_key', sa.LargeBinary(length=32), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_objects'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.Column('team', sa.String(length=200), nullable=True),
    sa.Column('line_manager_id', sa.Integer(), nullable=True),
    sa.Column('public_key', sa.LargeBinary(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('removed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['line_manager_id'], ['users.id'], name=op.f('fk_users_line_manager_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users'))
    )
    op.create_index('uq_users_active_name', 'users', ['name_key'], unique=True, sqlite_where=sa.text('removed_at IS NULL'))
    op.create_table('children',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=False),
    sa.Column('care_status', sa.String(length=40), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('retain_until', sa.Date(), nullable=True),
    sa.Column('erased_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_children_created_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_children'))
    )
    op.create_table('devices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('serial', sa.String(length=200), nullable=True),
    sa.Column('folder', sa.Text(), nullable=True),
    sa.Column('registered_by', sa.Integer(), nullable=False),
    sa.Column('registered_at', sa.DateTime(), nullable=False),
    sa.Column('retired_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['registered_by'], ['users.id'], name=op.f('fk_devices_registered_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_devices'))
    )
    op.create_table('export_locations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('added_by', sa.Integer(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.Column('removed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['added_by'], ['users.id'], name=op.f('fk_export_locations_added_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_export_locations'))
    )
    op.create_table('supervision_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('manager_id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('session_date', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('manager_ack_at', sa.DateTime(), nullable=True),
    sa.Column('worker_ack_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['manager_id'], ['users.id'], name=op.f('fk_supervision_notes_manager_id_users')),
    sa.ForeignKeyConstraint(['worker_id'], ['users.id'], name=op.f('fk_supervision_notes_worker_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_notes'))
    )
    op.create_table('allocations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('since', sa.DateTime(), nullable=False),
    sa.Column('until', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_allocations_child_id_children')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_allocations_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_allocations'))
    )
    op.create_index(op.f('ix_allocations_child_id'), 'allocations', ['child_id'], unique=False)
    op.create_index(op.f('ix_allocations_user_id'), 'allocations', ['user_id'], unique=False)
    op.create_table('audit',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_name', sa.String(length=200), nullable=True),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=True),
    sa.Column('child_id', sa.Integer(), nullable=True),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_audit_actor_id_users')),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_audit_child_id_children')),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit'))
    )
    op.create_index(op.f('ix_audit_action'), 'audit', ['action'], unique=False)
    op.create_index(op.f('ix_audit_child_id'), 'audit', ['child_id'], unique=False)
    op.create_table('captures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=40), nullable=False),
    sa.Column('purpose_note', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('attested', sa.Boolean(), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=True),
    sa.Column('logged_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_captures_device_id_devices')),
    sa.ForeignKeyConstraint(['worker_id'], ['users.id'], name=op.f('fk_captures_worker_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_captures'))
    )
    op.create_index(op.f('ix_captures_worker_id'), 'captures', ['worker_id'], unique=False)
    op.create_table('care_status_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('changed_by', sa.Integer(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['changed_by'], ['users.id'], name=op.f('fk_care_status_changes_changed_by_users')),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_care_status_changes_child_id_children')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_status_changes'))
    )
    op.create_index(op.f('ix_care_status_changes_child_id'), 'care_status_changes', ['child_id'], unique=False)
    op.create_table('consent_checks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=40), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('allowed', sa.Boolean(), nullable=False),
    sa.Column('decision', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_consent_checks_child_id_children')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_consent_checks_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent_checks'))
    )
    op.create_index(op.f('ix_consent_checks_child_id'), 'consent_checks', ['child_id'], unique=False)
    op.create_table('explanations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('to_whom', sa.String(length=20), nullable=False),
    sa.Column('explained', sa.Boolean(), nullable=False),
    sa.Column('explained_on', sa.Date(), nullable=True),
    sa.Column('not_explained_reason', sa.Text(), nullable=True),
    sa.Column('permitted_by', sa.Integer(), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_explanations_child_id_children')),
    sa.ForeignKeyConstraint(['permitted_by'], ['users.id'], name=op.f('fk_explanations_permitted_by_users')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_explanations_recorded_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_explanations'))
    )
    op.create_index(op.f('ix_explanations_child_id'), 'explanations', ['child_id'], unique=False)
    op.create_table('exports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('destination', sa.String(length=30), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('target', sa.Text(), nullable=True),
    sa.Column('allowed', sa.Boolean(), nullable=False),
    sa.Column('decision', sa.Text(), nullable=False),
    sa.Column('approved_by', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['approved_by'], ['users.id'], name=op.f('fk_exports_approved_by_users')),
    sa.ForeignKeyConstraint(['location_id'], ['export_locations.id'], name=op.f('fk_exports_location_id_export_locations')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_exports_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exports'))
    )
    op.create_table('photos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('original_object_id', sa.String(length=32), nullable=False),
    sa.Column('thumbnail_object_id', sa.String(length=32), nullable=True),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('media_type', sa.String(length=40), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('taken_at', sa.DateTime(), nullable=True),
    sa.Column('device_id', sa.Integer(), nullable=True),
    sa.Column('imported_by', sa.Integer(), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('flagged_at', sa.DateTime(), nullable=True),
    sa.Column('flag_reason', sa.Text(), nullable=True),
    sa.Column('erased_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_photos_device_id_devices')),
    sa.ForeignKeyConstraint(['imported_by'], ['users.id'], name=op.f('fk_photos_imported_by_users')),
    sa.ForeignKeyConstraint(['original_object_id'], ['objects.id'], name=op.f('fk_photos_original_object_id_objects')),
    sa.ForeignKeyConstraint(['thumbnail_object_id'], ['objects.id'], name=op.f('fk_photos_thumbnail_object_id_objects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_photos')),
    sa.UniqueConstraint('content_sha256', name=op.f('uq_photos_content_sha256'))
    )
    op.create_table('responsible_people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('relationship', sa.String(length=100), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_responsible_people_child_id_children')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_responsible_people'))
    )
    op.create_index(op.f('ix_responsible_people_child_id'), 'responsible_people', ['child_id'], unique=False)
    op.create_table('supervision_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('note_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['note_id'], ['supervision_notes.id'], name=op.f('fk_supervision_actions_note_id_supervision_notes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_actions'))
    )
    op.create_index(op.f('ix_supervision_actions_note_id'), 'supervision_actions', ['note_id'], unique=False)
    op.create_table('supervision_addenda',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('note_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_supervision_addenda_author_id_users')),
    sa.ForeignKeyConstraint(['note_id'], ['supervision_notes.id'], name=op.f('fk_supervision_addenda_note_id_supervision_notes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_addenda'))
    )
    op.create_index(op.f('ix_supervision_addenda_note_id'), 'supervision_addenda', ['note_id'], unique=False)
    op.create_table('approvals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('photo_id', sa.Integer(), nullable=False),
    sa.Column('destination', sa.String(length=30), nullable=False),
    sa.Column('approved_by', sa.Integer(), nullable=False),
    sa.Column('approved_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['approved_by'], ['users.id'], name=op.f('fk_approvals_approved_by_users')),
    sa.ForeignKeyConstraint(['photo_id'], ['photos.id'], name=op.f('fk_approvals_photo_id_photos')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_approvals'))
    )
    op.create_index(op.f('ix_approvals_photo_id'), 'approvals', ['photo_id'], unique=False)
    op.create_table('capture_photos',
    sa.Column('capture_id', sa.Integer(), nullable=False),
    sa.Column('photo_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['capture_id'], ['captures.id'], name=op.f('fk_capture_photos_capture_id_captures')),
    sa.ForeignKeyConstraint(['photo_id'], ['photos.id'], name=op.f('fk_capture_photos_photo_id_photos')),
    sa.PrimaryKeyConstraint('capture_id', 'photo_id', name=op.f('pk_capture_photos'))
    )
    op.create_table('consents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('given_by', sa.String(length=30), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('giver_user_id', sa.Integer(), nullable=True),
    sa.Column('understanding_assessment', sa.Text(), nullable=True),
    sa.Column('purposes', sa.Text(), nullable=False),
    sa.Column('destinations', sa.Text(), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('carers_notified_on', sa.Date(), nullable=True),
    sa.Column('form_object_id', sa.String(length=32), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
    sa.Column('withdrawn_by', sa.Integer(), nullable=True),
    sa.Column('withdrawal_reason', sa.Text(), nullable=True),
    sa.Column('corrects_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_consents_child_id_children')),
    sa.ForeignKeyConstraint(['corrects_id'], ['consents.id'], name=op.f('fk_consents_corrects_id_consents')),
    sa.ForeignKeyConstraint(['form_object_id'], ['objects.id'], name=op.f('fk_consents_form_object_id_objects')),
    sa.ForeignKeyConstraint(['giver_user_id'], ['users.id'], name=op.f('fk_consents_giver_user_id_users')),
    sa.ForeignKeyConstraint(['person_id'], ['responsible_people.id'], name=op.f('fk_consents_person_id_responsible_people')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_consents_recorded_by_users')),
    sa.ForeignKeyConstraint(['withdrawn_by'], ['users.id'], name=op.f('fk_consents_withdrawn_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consents'))
    )
    op.create_index(op.f('ix_consents_child_id'), 'consents', ['child_id'], unique=False)
    op.create_table('export_photos',
    sa.Column('export_id', sa.Integer(), nullable=False),
    sa.Column('photo_id', sa.Integer(), nullable=False),
    sa.Column('blurred_faces', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['export_id'], ['exports.id'], name=op.f('fk_export_photos_export_id_exports')),
    sa.ForeignKeyConstraint(['photo_id'], ['photos.id'], name=op.f('fk_export_photos_photo_id_photos')),
    sa.PrimaryKeyConstraint('export_id', 'photo_id', name=op.f('pk_export_photos'))
    )
    op.create_table('faces',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('photo_id', sa.Integer(), nullable=False),
    sa.Column('top', sa.Integer(), nullable=False),
    sa.Column('right', sa.Integer(), nullable=False),
    sa.Column('bottom', sa.Integer(), nullable=False),
    sa.Column('left', sa.Integer(), nullable=False),
    sa.Column('encoding', sa.LargeBinary(), nullable=True),
    sa.Column('suggested_child_id', sa.Integer(), nullable=True),
    sa.Column('suggested_distance', sa.Float(), nullable=True),
    sa.Column('child_id', sa.Integer(), nullable=True),
    sa.Column('confirmed_by', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_faces_child_id_children')),
    sa.ForeignKeyConstraint(['confirmed_by'], ['users.id'], name=op.f('fk_faces_confirmed_by_users')),
    sa.ForeignKeyConstraint(['photo_id'], ['photos.id'], name=op.f('fk_faces_photo_id_photos')),
    sa.ForeignKeyConstraint(['suggested_child_id'], ['children.id'], name=op.f('fk_faces_suggested_child_id_children')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_faces'))
    )
    op.create_index(op.f('ix_faces_photo_id'), 'faces', ['photo_id'], unique=False)
    op.create_table('supervision_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('manager_id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('capture_id', sa.Integer(), nullable=True),
    sa.Column('child_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('note_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['capture_id'], ['captures.id'], name=op.f('fk_supervision_items_capture_id_captures')),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_supervision_items_child_id_children')),
    sa.ForeignKeyConstraint(['manager_id'], ['users.id'], name=op.f('fk_supervision_items_manager_id_users')),
    sa.ForeignKeyConstraint(['note_id'], ['supervision_notes.id'], name=op.f('fk_supervision_items_note_id_supervision_notes')),
    sa.ForeignKeyConstraint(['worker_id'], ['users.id'], name=op.f('fk_supervision_items_worker_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_items'))
    )
    op.create_index(op.f('ix_supervision_items_manager_id'), 'supervision_items', ['manager_id'], unique=False)
    op.create_index(op.f('ix_supervision_items_worker_id'), 'supervision_items', ['worker_id'], unique=False)
    op.create_table('wishes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('whose', sa.String(length=20), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('wishes_photos', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_wishes_child_id_children')),
    sa.ForeignKeyConstraint(['person_id'], ['responsible_people.id'], name=op.f('fk_wishes_person_id_responsible_people')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_wishes_recorded_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_wishes'))
    )
    op.create_index(op.f('ix_wishes_child_id'), 'wishes', ['child_id'], unique=False)
    op.create_table('capture_children',
    sa.Column('capture_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('consent_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['capture_id'], ['captures.id'], name=op.f('fk_capture_children_capture_id_captures')),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_capture_children_child_id_children')),
    sa.ForeignKeyConstraint(['consent_id'], ['consents.id'], name=op.f('fk_capture_children_consent_id_consents')),
    sa.PrimaryKeyConstraint('capture_id', 'child_id', name=op.f('pk_capture_children'))
    )
    op.create_table('face_enrolments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('consent_id', sa.Integer(), nullable=False),
    sa.Column('encoding', sa.LargeBinary(), nullable=False),
    sa.Column('enrolled_by', sa.Integer(), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_face_enrolments_child_id_children')),
    sa.ForeignKeyConstraint(['consent_id'], ['consents.id'], name=op.f('fk_face_enrolments_consent_id_consents')),
    sa.ForeignKeyConstraint(['enrolled_by'], ['users.id'], name=op.f('fk_face_enrolments_enrolled_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_face_enrolments'))
    )
    op.create_index(op.f('ix_face_enrolments_child_id'), 'face_enrolments', ['child_id'], unique=False)
    for statement in AUDIT_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("Vaults are never downgraded: restore the pre-migration backup.")
