namespace IlioCare.Clinical.Catalogue;

/// <summary>
/// What a physiotherapist records having done (SPEC F13; the article's "physical therapy" options:
/// soft-tissue massage, joint mobilisation, dry needling, therapeutic ultrasound, and a biomechanical
/// evaluation of how the patient moves).
/// </summary>
public enum TreatmentKind
{
    SoftTissueMassage,
    JointMobilisation,
    DryNeedling,
    TherapeuticUltrasound,
    BiomechanicalEvaluation,
}
